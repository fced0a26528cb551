import { describe, expect, it } from 'vitest';
import { relatedQuerySchema, RELATED_PAGE_SIZE, RELATED_SLICES, sliceRelated } from './slices';

const ranked = Array.from({ length: 48 }, (_, i) => i);
const SIZE = RELATED_PAGE_SIZE;
const PAGES = Math.ceil((RELATED_SLICES.main.end - RELATED_SLICES.main.start) / SIZE);

/** Every item of a slice, page after page, as the carousel would load them. */
function allOf(list: number[], slice: 'main' | 'more') {
  const items: number[] = [];
  for (let page = 1; ; page++) {
    const got = sliceRelated(list, slice, page);
    items.push(...got.items);
    if (got.nextPage === null) return items;
    expect(got.nextPage).toBe(page + 1);
  }
}

describe('sliceRelated', () => {
  it('pages through the upper slice, then stops where the lower one begins', () => {
    expect(sliceRelated(ranked, 'main', 1)).toEqual({ items: ranked.slice(0, SIZE), nextPage: 2 });
    expect(sliceRelated(ranked, 'main', 2)).toEqual({ items: ranked.slice(SIZE, 2 * SIZE), nextPage: PAGES > 2 ? 3 : null });
    expect(sliceRelated(ranked, 'main', PAGES).nextPage).toBeNull();
    expect(sliceRelated(ranked, 'main', PAGES + 1)).toEqual({ items: [], nextPage: null });
    expect(allOf(ranked, 'main')).toEqual(ranked.slice(0, 24));
  });

  it('never repeats in the lower slice what the upper one shows', () => {
    const upper = allOf(ranked, 'main');
    const lower = allOf(ranked, 'more');
    expect(lower).toEqual(ranked.slice(24, 48));
    expect(lower.filter((x) => upper.includes(x))).toEqual([]);
  });

  it('copes with a short list', () => {
    const short = ranked.slice(0, SIZE + 3);
    expect(sliceRelated(short, 'main', 1)).toEqual({ items: short.slice(0, SIZE), nextPage: 2 });
    expect(sliceRelated(short, 'main', 2)).toEqual({ items: short.slice(SIZE), nextPage: null });
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
