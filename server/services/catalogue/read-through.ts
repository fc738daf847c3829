import { LRUCache } from 'lru-cache';

export interface ReadThrough<K, V> {
  get(key: K, load: () => Promise<V>): Promise<V>;
  clear(): void;
}

/**
 * Each key's value loaded once and kept `ttlMs` (0 keeps nothing); callers that miss at the same
 * moment share one load, a failed load is not kept, and a load under way when the cache is cleared
 * answers its callers without being kept. Values are boxed: "no such employee" (null) is kept too.
 */
export function readThrough<K extends object | string | number, V>(ttlMs: number): ReadThrough<K, V> {
  const cache = new LRUCache<K, { value: V }, () => Promise<V>>({
    max: 10_000,
    ttl: ttlMs,
    ignoreFetchAbort: true,
    fetchMethod: async (_key, _stale, { context }) => ({ value: await context() }),
  });
  return {
    async get(key, load) {
      const hit = ttlMs > 0 ? await cache.fetch(key, { context: load }) : undefined;
      return hit ? hit.value : load();
    },
    clear: () => cache.clear(),
  };
}
