import type { Config } from '../config.js';
import { Catalogue } from './catalogue.js';
import { PhoneVault } from './phone.js';
import { MemoryRateLimiter } from './rate-limiter.js';
import type { RatingStore } from './rating-store.js';
import { RatingService } from './ratings.js';
import { createShareServices, type ShareServices } from './share.js';

/** Everything the routes call, built once from the configuration. */
export interface Services {
  catalogue: Catalogue;
  ratings: RatingService;
  vault: PhoneVault;
  share: ShareServices;
  /** Keyed hash of a client address: rate limits need to tell addresses apart, not to know them. */
  addressHash(ip: string): string;
}

export function createServices(config: Config, store: RatingStore): Services {
  const catalogue = new Catalogue(config.publicBaseUrl, config.referenceCacheMs);
  const vault = new PhoneVault(config.phoneKey);
  const limiter = new MemoryRateLimiter(config.rateLimit.ratings, config.rateLimit.windowSeconds * 1000);
  const share = createShareServices(config, catalogue, vault);
  return {
    catalogue,
    vault,
    share,
    ratings: new RatingService(catalogue, vault, limiter, store, undefined, share.serviceTokens),
    addressHash: (ip) => vault.hash(`ip:${ip}`),
  };
}
