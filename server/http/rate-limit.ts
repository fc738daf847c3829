import type { Middleware } from 'koa';
import type { RateLimiter } from '../services/access/rate-limiter.js';
import { tooManyRequests } from '../domain/problem.js';

/**
 * Counts each request against its client address (as a keyed hash, never the address itself) and
 * answers 429 with Retry-After over the limit. Pages for people check their limiter themselves, so
 * they can answer with a page in Indonesian rather than JSON.
 */
export function limitByAddress(limiter: RateLimiter, addressHash: (ip: string) => string): Middleware {
  return async (ctx, next) => {
    const decision = await limiter.hit(addressHash(ctx.ip));
    if (!decision.allowed)
      throw tooManyRequests(decision.retryAfterSeconds, 'Too many requests from this connection. Please try again later.');
    return next();
  };
}
