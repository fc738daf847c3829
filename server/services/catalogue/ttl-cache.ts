/**
 * A small read-through cache: each key's value is loaded once and kept for `ttlMs`; callers that
 * miss at the same moment share one load. Used for reference data (employees, service types) that
 * every rating reads and administrators rarely change.
 */
export class TtlCache<K, V> {
  readonly #entries = new Map<K, { value: Promise<V>; expires: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: K, load: () => Promise<V>): Promise<V> {
    const now = this.now();
    const hit = this.#entries.get(key);
    if (hit && hit.expires > now) return hit.value;
    if (this.#entries.size >= this.maxEntries) this.#entries.clear();
    const value = load();
    this.#entries.set(key, { value, expires: now + this.ttlMs });
    // A failed load is not kept: the next caller tries again.
    value.catch(() => this.#entries.delete(key));
    return value;
  }

  clear(): void {
    this.#entries.clear();
  }
}
