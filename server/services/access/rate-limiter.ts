export interface RateDecision {
  allowed: boolean;
  retryAfterSeconds: number;
}

export interface RateLimiter {
  hit(key: string): Promise<RateDecision>;
}

/**
 * A fixed-window counter per key in this process's memory: enough for one server process.
 * Keys are keyed hashes, never addresses or phone numbers in clear.
 */
export class MemoryRateLimiter implements RateLimiter {
  readonly #windows = new Map<string, { startedAt: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async hit(key: string): Promise<RateDecision> {
    const now = this.now();
    if (this.#windows.size > 100_000) this.#sweep(now);
    let window = this.#windows.get(key);
    if (!window || now - window.startedAt >= this.windowMs) {
      window = { startedAt: now, count: 0 };
      this.#windows.set(key, window);
    }
    window.count++;
    const retryAfterSeconds = Math.max(1, Math.ceil((window.startedAt + this.windowMs - now) / 1000));
    return { allowed: window.count <= this.limit, retryAfterSeconds };
  }

  #sweep(now: number): void {
    for (const [key, window] of this.#windows) if (now - window.startedAt >= this.windowMs) this.#windows.delete(key);
  }
}

/** Adds one to a shared counter and answers its new value (the `rate_counters` table, see db/rate-counters.ts). */
export type CounterBump = (key: string, windowStart: number) => Promise<number>;

/**
 * A fixed-window counter per key shared by every server process, kept in the database by `bump` (one
 * atomic upsert per request). Windows are aligned to the clock, so all processes agree where one
 * starts. A key this process alone has already seen over the limit is refused without asking the
 * database: its own count can only be lower than the shared one, so a flood costs no writes.
 */
export class SharedRateLimiter implements RateLimiter {
  readonly #local = new Map<string, { windowStart: number; count: number }>();

  constructor(
    private readonly name: string,
    private readonly limit: number,
    private readonly windowSeconds: number,
    private readonly bump: CounterBump,
    private readonly now: () => number = Date.now,
  ) {}

  async hit(key: string): Promise<RateDecision> {
    const nowSeconds = this.now() / 1000;
    const windowStart = Math.floor(nowSeconds / this.windowSeconds) * this.windowSeconds;
    const retryAfterSeconds = Math.max(1, Math.ceil(windowStart + this.windowSeconds - nowSeconds));
    if (this.#local.size > 100_000) {
      for (const [k, w] of this.#local) if (w.windowStart < windowStart) this.#local.delete(k);
    }
    let local = this.#local.get(key);
    if (!local || local.windowStart !== windowStart) this.#local.set(key, (local = { windowStart, count: 0 }));
    if (++local.count > this.limit) return { allowed: false, retryAfterSeconds };
    const count = await this.bump(`${this.name}:${key}`, windowStart);
    return { allowed: count <= this.limit, retryAfterSeconds };
  }
}
