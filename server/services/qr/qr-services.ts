import type { Config } from '../../config.js';
import type { Catalogue } from '../catalogue/catalogue.js';
import { PrintableCards } from './printable-cards.js';
import { FailureLockout } from '../access/failure-lockout.js';
import type { PhoneVault } from '../../domain/phone.js';
import { QrCodes } from './qr-codes.js';
import { SharedRateLimiter, type CounterBump, type RateLimiter } from '../access/rate-limiter.js';
import { ServiceTokens } from './service-tokens.js';
import { PublicEmployees } from './public-employees.js';

/** What employees use to share their QR code: images, cards and boards, one-service codes. */
export interface QrServices {
  codes: QrCodes;
  employees: PublicEmployees;
  cards: PrintableCards;
  serviceTokens: ServiceTokens;
  /** Per client address: keypass and card lookups, QR images; counted in the database, shared by all processes. */
  limits: { lookups: RateLimiter; images: RateLimiter };
}

export function createQrServices(config: Config, catalogue: Catalogue, vault: PhoneVault, bump: CounterBump): QrServices {
  const window = config.rateLimit.windowSeconds;
  const qr = new QrCodes();
  const employees = new PublicEmployees(catalogue);
  return {
    codes: qr,
    employees,
    cards: new PrintableCards(employees, qr),
    serviceTokens: new ServiceTokens(config.jwtSecret, catalogue, {
      minutes: config.serviceTokenMinutes,
      attempts: new SharedRateLimiter('pin', config.shareLimits.lookups, window, bump),
      failures: new FailureLockout(),
      keyedHash: (value) => vault.hash(value),
    }),
    limits: {
      lookups: new SharedRateLimiter('lookup', config.shareLimits.lookups, window, bump),
      images: new SharedRateLimiter('qr', config.shareLimits.images, window, bump),
    },
  };
}
