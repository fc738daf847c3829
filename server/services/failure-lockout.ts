import type { RateDecision } from './rate-limiter.js';

/**
 * Counts failures (wrong PINs) per key and locks the key for `lockMs` once `maxFailures` fall within
 * `windowMs`; a success clears the count. Unlike a request limit it does not count successes, so an
 * employee making a code for every customer is never slowed down, while guessing a 6-digit PIN for one
 * NIP from any number of addresses gets `maxFailures` tries per lock period. In memory, per process.
 */
export class FailureLockout {
  readonly #keys = new Map<string, { count: number; firstAt: number; lockedUntil: number }>();

  constructor(
    private readonly maxFailures = 5,
    private readonly windowMs = 15 * 60_000,
    private readonly lockMs = 15 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  check(key: string): RateDecision {
    const entry = this.#keys.get(key);
    const now = this.now();
    if (!entry || entry.lockedUntil <= now) return { allowed: true, retryAfterSeconds: 0 };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((entry.lockedUntil - now) / 1000)) };
  }

  /** Records a failure; the answer says whether the key may still try. */
  fail(key: string): RateDecision {
    const now = this.now();
    if (this.#keys.size > 100_000) this.#sweep(now);
    let entry = this.#keys.get(key);
    if (!entry || (now - entry.firstAt >= this.windowMs && entry.lockedUntil <= now)) {
      entry = { count: 0, firstAt: now, lockedUntil: 0 };
      this.#keys.set(key, entry);
    }
    entry.count++;
    if (entry.count >= this.maxFailures) entry.lockedUntil = now + this.lockMs;
    return this.check(key);
  }

  succeed(key: string): void {
    this.#keys.delete(key);
  }

  #sweep(now: number): void {
    for (const [key, entry] of this.#keys) {
      if (entry.lockedUntil <= now && now - entry.firstAt >= this.windowMs) this.#keys.delete(key);
    }
  }
}
