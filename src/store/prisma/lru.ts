/** The value cached under `key`, made by `create` on a miss; the least recently used entry goes past `capacity`. */
export function cachedOrCreate<K, V>(cache: Map<K, V>, key: K, capacity: number, create: () => V): V {
  let value = cache.get(key);
  if (value !== undefined) {
    cache.delete(key);
  } else {
    value = create();
    if (cache.size >= capacity) {
      const oldest = cache.keys().next();
      if (!oldest.done) cache.delete(oldest.value);
    }
  }
  cache.set(key, value);
  return value;
}
