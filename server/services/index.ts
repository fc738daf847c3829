import type { Sequelize } from 'sequelize';
import type { Config } from '../config.js';
import { AuditLog } from './audit.js';
import { AuthService } from './auth.js';
import { Catalogue } from './catalogue.js';
import { PhoneVault } from './phone.js';
import { MemoryRateLimiter } from './rate-limiter.js';
import { RatingService } from './ratings.js';
import { SignInThrottleService } from './sign-in-throttle.js';
import { TokenIssuer } from './tokens.js';

/** Everything the routes call, built once from the configuration. */
export interface Services {
  catalogue: Catalogue;
  ratings: RatingService;
  vault: PhoneVault;
  auth: AuthService;
  audit: AuditLog;
  /** Keyed hash of a client address: rate limits need to tell addresses apart, not to know them. */
  addressHash(ip: string): string;
}

export function createServices(config: Config, _sequelize: Sequelize): Services {
  const catalogue = new Catalogue(config.publicBaseUrl);
  const vault = new PhoneVault(config.phoneKey);
  const limiter = new MemoryRateLimiter(config.rateLimit.ratings, config.rateLimit.windowSeconds * 1000);
  const audit = new AuditLog();
  const keyedHash = (value: string) => vault.hash(value);
  return {
    catalogue,
    vault,
    audit,
    ratings: new RatingService(catalogue, vault, limiter),
    auth: new AuthService(new TokenIssuer(config.jwtSecret), new SignInThrottleService(config.signIn), config.signIn, keyedHash),
    addressHash: (ip) => vault.hash(`ip:${ip}`),
  };
}
