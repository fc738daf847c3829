/**
 * A least-recently-used cache bounded by the number of entries and by their total weight (bytes,
 * for rendered images). A Map keeps insertion order, so re-inserting on each hit makes its first key
 * the least recently used one. Values are promises: callers that miss at the same moment share one load.
 */
export class LruCache<K, V> {
  readonly #entries = new Map<K, { value: Promise<V>; weight: number }>();
  #weight = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxWeight = Number.POSITIVE_INFINITY,
    private readonly weigh: (value: V) => number = () => 0,
  ) {}

  get size(): number {
    return this.#entries.size;
  }

  get(key: K, load: () => Promise<V>): Promise<V> {
    const hit = this.#entries.get(key);
    if (hit) {
      this.#entries.delete(key);
      this.#entries.set(key, hit);
      return hit.value;
    }
    const value = load();
    const entry = { value, weight: 0 };
    this.#entries.set(key, entry);
    value.then(
      (loaded) => {
        // Weighed once loaded; the entry may have been evicted meanwhile.
        if (this.#entries.get(key) !== entry) return;
        entry.weight = this.weigh(loaded);
        this.#weight += entry.weight;
        this.#evict();
      },
      // A failed load is not kept: the next caller tries again.
      () => this.#delete(key, entry),
    );
    this.#evict();
    return value;
  }

  #evict(): void {
    for (const [key, entry] of this.#entries) {
      if (this.#entries.size <= this.maxEntries && this.#weight <= this.maxWeight) return;
      this.#delete(key, entry);
    }
  }

  #delete(key: K, entry: { weight: number }): void {
    if (this.#entries.get(key) !== entry) return;
    this.#entries.delete(key);
    this.#weight -= entry.weight;
  }
}
