import { describe, expect, it } from 'vitest';
import { changedFields, sameValue, stableStringify, threeWayMerge } from './conflict';

describe('stableStringify', () => {
  it('ignores object key order and undefined members', () => {
    expect(stableStringify({ b: 1, a: { d: [1, 2], c: 'x' } })).toBe(stableStringify({ a: { c: 'x', d: [1, 2] }, b: 1, z: undefined }));
    expect(sameValue({ original: 'bg', values: { bg: 'Русе', en: 'Ruse' } }, { values: { en: 'Ruse', bg: 'Русе' }, original: 'bg' })).toBe(true);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
  });
});

describe('changedFields', () => {
  it('keeps only the top-level fields that differ', () => {
    expect(changedFields({ a: 1, b: ['x'], c: null }, { a: 1, b: ['x', 'y'], c: null })).toEqual({ b: ['x', 'y'] });
    expect(changedFields({ a: 1 }, { a: 1 })).toEqual({});
  });
});

describe('threeWayMerge', () => {
  const base = { name: 'Ruse', city: 'Ruse', phone: null as string | null, tags: ['a'] };
  it('takes their value where only they changed, and flags fields both changed differently', () => {
    const mine = { ...base, name: 'Ruse Municipality', tags: ['a', 'b'] };
    const theirs = { ...base, name: 'Община Русе', phone: '+359 82 000', tags: ['a', 'b'] };
    const { takeTheirs, conflicts } = threeWayMerge(base, mine, theirs);
    expect(takeTheirs).toEqual(['phone']);
    // Both added the same tag: not a conflict.
    expect(conflicts).toEqual(['name']);
  });
  it('reports nothing when they changed nothing', () => {
    expect(threeWayMerge(base, { ...base, city: 'Русе' }, base)).toEqual({ takeTheirs: [], conflicts: [] });
  });
});
