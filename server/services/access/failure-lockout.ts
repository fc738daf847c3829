import type { RateDecision } from './rate-limiter.js';
import { SignInThrottleService } from './sign-in-throttle.js';

/** Wrong PINs allowed per key within the lock period, and that period. */
const MAX_FAILURES = 5;
const LOCK_SECONDS = 15 * 60;

/**
 * Counts failures (wrong PINs) per key and locks the key for a quarter of an hour once five fall within
 * one; a success clears the count. Unlike a request limit it does not count successes, so an employee
 * making a code for every customer is never slowed down, while guessing a 6-digit PIN for one NIP from
 * any number of addresses, and through any number of server processes, gets five tries per lock period.
 * Kept in the database, in the sign-in throttle's table (the keys are keyed hashes of their own).
 */
export class FailureLockout {
  readonly #throttle: SignInThrottleService;

  constructor(
    private readonly maxFailures = MAX_FAILURES,
    lockSeconds = LOCK_SECONDS,
    now: () => Date = () => new Date(),
  ) {
    this.#throttle = new SignInThrottleService({ lockSeconds, maxFailures, maxFailuresPerAddress: maxFailures, slowdownMs: 0 }, now);
  }

  async check(key: string): Promise<RateDecision> {
    const seconds = await this.#throttle.lockedFor([key]);
    return { allowed: seconds === 0, retryAfterSeconds: seconds };
  }

  /** Records a failure; the answer says whether the key may still try. */
  async fail(key: string): Promise<RateDecision> {
    await this.#throttle.recordFailure([{ key, limit: this.maxFailures }]);
    return this.check(key);
  }

  succeed(key: string): Promise<void> {
    return this.#throttle.clear(key);
  }
}
