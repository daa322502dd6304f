/**
 * Remembers a pure function of a string. Extraction asks compromise the same small questions
 * over and over (is "forty" a number, is "Jo Farrar" a person); a bounded cache answers the
 * repeats, and is emptied when full so a long run's memory stays flat.
 */
export function memoize<T>(fn: (key: string) => T, limit = 5000): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    if (cache.has(key)) return cache.get(key)!;
    const value = fn(key);
    if (cache.size >= limit) cache.clear();
    cache.set(key, value);
    return value;
  };
}
