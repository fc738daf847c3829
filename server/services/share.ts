import type { Config } from '../config.js';
import type { Catalogue } from './catalogue.js';
import { CardPages } from './cards.js';
import { QrCodes } from './qr-codes.js';
import { MemoryRateLimiter, type RateLimiter } from './rate-limiter.js';
import { EmployeeSharing } from './sharing.js';

/** What employees use to share their QR code: images, cards and boards. */
export interface ShareServices {
  qr: QrCodes;
  employees: EmployeeSharing;
  cards: CardPages;
  /** Per client address: keypass and card lookups, QR images. In memory for now, like the rating limit. */
  limits: { lookups: RateLimiter; images: RateLimiter };
}

export function createShareServices(config: Config, catalogue: Catalogue): ShareServices {
  const windowMs = config.rateLimit.windowSeconds * 1000;
  const qr = new QrCodes();
  const employees = new EmployeeSharing(catalogue);
  return {
    qr,
    employees,
    cards: new CardPages(employees, qr),
    limits: {
      lookups: new MemoryRateLimiter(config.shareLimits.lookups, windowMs),
      images: new MemoryRateLimiter(config.shareLimits.images, windowMs),
    },
  };
}
