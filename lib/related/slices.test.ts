import { describe, expect, it } from 'vitest';
import { relatedQuerySchema, RELATED_PAGE_SIZE, sliceRelated } from './slices';

const ranked = Array.from({ length: 48 }, (_, i) => i);

describe('sliceRelated', () => {
  it('pages through the upper slice, then stops where the lower one begins', () => {
    expect(sliceRelated(ranked, 'main', 1)).toEqual({ items: ranked.slice(0, 12), nextPage: 2 });
    expect(sliceRelated(ranked, 'main', 2)).toEqual({ items: ranked.slice(12, 24), nextPage: null });
    expect(sliceRelated(ranked, 'main', 3)).toEqual({ items: [], nextPage: null });
  });

  it('never repeats in the lower slice what the upper one shows', () => {
    const upper = [...sliceRelated(ranked, 'main', 1).items, ...sliceRelated(ranked, 'main', 2).items];
    const lower = [...sliceRelated(ranked, 'more', 1).items, ...sliceRelated(ranked, 'more', 2).items];
    expect(lower).toEqual(ranked.slice(24, 48));
    expect(lower.filter((x) => upper.includes(x))).toEqual([]);
  });

  it('copes with a short list', () => {
    const short = ranked.slice(0, 15);
    expect(sliceRelated(short, 'main', 1)).toEqual({ items: short.slice(0, RELATED_PAGE_SIZE), nextPage: 2 });
    expect(sliceRelated(short, 'main', 2)).toEqual({ items: short.slice(12), nextPage: null });
    expect(sliceRelated(short, 'more', 1)).toEqual({ items: [], nextPage: null });
  });
});

describe('relatedQuerySchema', () => {
  it('accepts the slices and pages that exist, and nothing else', () => {
    expect(relatedQuerySchema.parse({ slice: 'more', page: '2' })).toEqual({ slice: 'more', page: 2 });
    expect(relatedQuerySchema.parse({})).toEqual({ slice: 'main', page: 1 });
    for (const bad of [{ slice: 'all' }, { page: '0' }, { page: '99' }, { page: '1.5' }, { page: 'x' }]) {
      expect(relatedQuerySchema.safeParse(bad).success).toBe(false);
    }
  });
});
