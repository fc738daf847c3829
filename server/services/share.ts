import type { Config } from '../config.js';
import type { Catalogue } from './catalogue.js';
import { CardPages } from './cards.js';
import { FailureLockout } from './failure-lockout.js';
import type { PhoneVault } from './phone.js';
import { QrCodes } from './qr-codes.js';
import { MemoryRateLimiter, type RateLimiter } from './rate-limiter.js';
import { ServiceTokens } from './service-tokens.js';
import { EmployeeSharing } from './sharing.js';

/** What employees use to share their QR code: images, cards and boards, one-service codes. */
export interface ShareServices {
  qr: QrCodes;
  employees: EmployeeSharing;
  cards: CardPages;
  serviceTokens: ServiceTokens;
  /** Per client address: keypass and card lookups, QR images. In memory for now, like the rating limit. */
  limits: { lookups: RateLimiter; images: RateLimiter };
}

export function createShareServices(config: Config, catalogue: Catalogue, vault: PhoneVault): ShareServices {
  const windowMs = config.rateLimit.windowSeconds * 1000;
  const qr = new QrCodes();
  const employees = new EmployeeSharing(catalogue);
  return {
    qr,
    employees,
    cards: new CardPages(employees, qr),
    serviceTokens: new ServiceTokens(config.jwtSecret, catalogue, {
      minutes: config.serviceTokenMinutes,
      attempts: new MemoryRateLimiter(config.shareLimits.lookups, windowMs),
      failures: new FailureLockout(),
      keyedHash: (value) => vault.hash(value),
    }),
    limits: {
      lookups: new MemoryRateLimiter(config.shareLimits.lookups, windowMs),
      images: new MemoryRateLimiter(config.shareLimits.images, windowMs),
    },
  };
}
