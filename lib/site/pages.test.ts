import { describe, expect, it } from 'vitest';
import { getTrustPageLastmod, TRUST_PAGE_LIST, TRUST_PAGES } from './pages';

describe('trust pages', () => {
  it("date a page's sitemap entry by its latest wording", () => {
    expect(getTrustPageLastmod({ path: '/terms', name: '利用規約', enacted: '2026-12-05' })).toBe('2026-12-05');
    expect(getTrustPageLastmod({ path: '/terms', name: '利用規約', enacted: '2026-12-05', revised: '2027-04-01' })).toBe('2027-04-01');
  });

  it('list every page once, each at its own top-level path with a calendar date', () => {
    expect(TRUST_PAGE_LIST).toEqual(Object.values(TRUST_PAGES));
    expect(new Set(TRUST_PAGE_LIST.map((p) => p.path)).size).toBe(TRUST_PAGE_LIST.length);
    for (const page of TRUST_PAGE_LIST) {
      expect(page.path).toMatch(/^\/[a-z]+$/);
      expect(getTrustPageLastmod(page)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});
