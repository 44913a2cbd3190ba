import type { Profile } from '../profiles/profile.schema.js';

/** A printed level-1 name as compared: no spaces, no score suffix like `（50分）`, half-width. */
export function normalizeLevel1(level1: string): string {
  return level1
    .normalize('NFKC')
    .replace(/\s+/gu, '')
    .replace(/[(（]\s*\d+(?:\.\d+)?\s*分\s*[)）]/gu, '');
}

/**
 * The profile category a printed level-1 name counts in, or null when it matches none. Exact names
 * first; then a name that contains a category's stem (`产出指标（50分）`, `项目产出指标`).
 */
export function categoryOf(level1: string, profile: Profile): string | null {
  let known = categoryCache.get(profile);
  if (!known) categoryCache.set(profile, (known = new Map()));
  const hit = known.get(level1);
  if (hit !== undefined) return hit;
  const category = findCategory(normalizeLevel1(level1), profile);
  known.set(level1, category);
  return category;
}

// Forms print a handful of level-1 names; each is matched once per profile. Profiles are
// immutable values, so a WeakMap keyed by the profile object is safe and frees itself.
const categoryCache = new WeakMap<Profile, Map<string, string | null>>();

function findCategory(name: string, profile: Profile): string | null {
  for (const c of profile.categories) if (c.level1.includes(name)) return c.name;
  for (const c of profile.categories) {
    for (const l of c.level1) {
      const stem = l.replace(/指标$/u, '');
      if (stem.length >= 2 && name.includes(stem)) return c.name;
    }
  }
  return null;
}
