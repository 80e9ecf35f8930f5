/**
 * The value cached under `key`, made by `create` on a miss. Past `capacity` the oldest entry goes (first in,
 * first out): the hot path uses a few dozen SQL texts, far fewer than the capacity, so a hit is one lookup and
 * keeping recency order (a delete and a set per hit) would only cost time.
 */
export function cachedOrCreate<K, V>(cache: Map<K, V>, key: K, capacity: number, create: () => V): V {
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const value = create();
  if (cache.size >= capacity) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  cache.set(key, value);
  return value;
}
