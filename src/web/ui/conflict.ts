/** Helpers for optimistic concurrency: what changed, and a three-way merge of form values. */

/** JSON with object keys sorted, so that equal values compare equal whatever their key order. */
export function stableStringify(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
}

export const sameValue = (a: unknown, b: unknown) => stableStringify(a) === stableStringify(b);

/** The top-level fields of `next` that differ from `base`. */
export function changedFields<T extends Record<string, unknown>>(base: T, next: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(next) as (keyof T)[]) if (!sameValue(base[key], next[key])) out[key] = next[key];
  return out;
}

/**
 * Three-way merge after a version conflict, on API payloads (what the form would send).
 * - fields the user did not change take the other person's value;
 * - fields both changed, to different values, are conflicts: the user's value is kept and the
 *   field is listed so the user can compare and choose.
 */
export function threeWayMerge<T extends Record<string, unknown>>(base: T, mine: T, theirs: T): { takeTheirs: (keyof T)[]; conflicts: (keyof T)[] } {
  const takeTheirs: (keyof T)[] = [];
  const conflicts: (keyof T)[] = [];
  for (const key of Object.keys(theirs) as (keyof T)[]) {
    const mineChanged = !sameValue(mine[key], base[key]);
    const theirsChanged = !sameValue(theirs[key], base[key]);
    if (!mineChanged) {
      if (theirsChanged) takeTheirs.push(key);
    } else if (theirsChanged && !sameValue(mine[key], theirs[key])) {
      conflicts.push(key);
    }
  }
  return { takeTheirs, conflicts };
}
