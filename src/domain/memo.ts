/**
 * Memoises a pure function of one string. Forms repeat the same cells endlessly (`100%`, `≥95%`,
 * `效果显著`), so reading each distinct string once makes scoring a department's forms cheap. The
 * cache is bounded: past `max` entries it starts over, which keeps memory flat on a stream of a
 * million forms. Results must be immutable, since callers share them.
 */
export function memoizeString<T>(fn: (s: string) => T, max = 50_000): (s: string) => T {
  let cache = new Map<string, T>();
  return (s: string) => {
    const hit = cache.get(s);
    if (hit !== undefined) return hit;
    const value = fn(s);
    if (cache.size >= max) cache = new Map();
    cache.set(s, value);
    return value;
  };
}
