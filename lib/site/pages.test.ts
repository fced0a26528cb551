import { describe, expect, it } from 'vitest';
import { FIXED_PAGE_SLUGS, isFixedPageSlug, TRUST_PAGE_LIST, TRUST_PAGES } from './pages';

describe('trust pages', () => {
  it('list every page once, each at its own top-level path named by its slug', () => {
    expect(TRUST_PAGE_LIST).toEqual(Object.values(TRUST_PAGES));
    expect(new Set(TRUST_PAGE_LIST.map((p) => p.path)).size).toBe(TRUST_PAGE_LIST.length);
    for (const slug of FIXED_PAGE_SLUGS) expect(TRUST_PAGES[slug].path).toBe(`/${slug}`);
  });

  it('know a fixed page’s slug from anything else a route is given', () => {
    expect(FIXED_PAGE_SLUGS.every(isFixedPageSlug)).toBe(true);
    for (const other of ['', 'About', 'withdrawn', '../about', 'toString', 'constructor', 1, null, undefined]) expect(isFixedPageSlug(other)).toBe(false);
  });
});
