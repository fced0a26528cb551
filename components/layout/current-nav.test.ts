import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { siteSections } from '@/lib/site/config';
import { claimNavLink, getNavClaim, isCurrentNavLink, subscribeNavClaim } from './current-nav';

describe('isCurrentNavLink', () => {
  it('marks a section on its page and its later pages, and no other section', () => {
    expect(isCurrentNavLink('/sections/world', '/sections/world', null)).toBe(true);
    expect(isCurrentNavLink('/sections/world', '/sections/world/3', null)).toBe(true);
    expect(isCurrentNavLink('/sections/business', '/sections/world', null)).toBe(false);
    // A prefix of the name is not the page.
    expect(isCurrentNavLink('/sections/world', '/sections/worldwide', null)).toBe(false);
  });

  it('marks ランキング on /ranking, トップ only on the home page', () => {
    expect(isCurrentNavLink('/ranking', '/ranking', null)).toBe(true);
    expect(isCurrentNavLink('/', '/', null)).toBe(true);
    for (const pathname of ['/ranking', '/sections/world', '/articles/abcd2345']) expect(isCurrentNavLink('/', pathname, null)).toBe(false);
  });

  it("marks an article's section by the article's claim, and only at the address that claimed it", () => {
    const claim = { href: '/sections/business', pathname: '/articles/abcd2345' };
    expect(isCurrentNavLink('/sections/business', '/articles/abcd2345', claim)).toBe(true);
    expect(isCurrentNavLink('/sections/world', '/articles/abcd2345', claim)).toBe(false);
    // Unclaimed, an article marks nothing.
    expect(isCurrentNavLink('/sections/business', '/articles/abcd2345', null)).toBe(false);
    // Navigating on to another page, the old claim does not mark a second link.
    expect(isCurrentNavLink('/sections/business', '/sections/world', claim)).toBe(false);
    expect(isCurrentNavLink('/sections/business', '/articles/efgh6789', claim)).toBe(false);
  });

  it('marks nothing without an address', () => {
    expect(isCurrentNavLink('/', null, null)).toBe(false);
  });
});

describe('claimNavLink', () => {
  it('tells subscribers, and a withdrawn claim does not undo the next page’s', () => {
    const heard = vi.fn();
    const unsubscribe = subscribeNavClaim(heard);
    const first = { href: '/sections/world', pathname: '/articles/a' };
    const second = { href: '/sections/business', pathname: '/articles/b' };
    const withdrawFirst = claimNavLink(first);
    expect(getNavClaim()).toBe(first);
    const withdrawSecond = claimNavLink(second);
    withdrawFirst();
    expect(getNavClaim()).toBe(second);
    withdrawSecond();
    expect(getNavClaim()).toBeNull();
    expect(heard).toHaveBeenCalledTimes(3);
    unsubscribe();
  });
});

describe("the CSS that marks an article's section before hydration", () => {
  it('has a selector for every section of the navigation, and none for a section that is gone', () => {
    const css = readFileSync(new URL('../../app/globals.css', import.meta.url), 'utf8');
    const marked = [...css.matchAll(/body:has\(\[data-page-section='([a-z-]+)'\]\) \[data-nav-section='([a-z-]+)'\]/g)];
    for (const [, page, link] of marked) expect(link, `a ${page} article marks its own section's link`).toBe(page);
    expect(marked.map(([, page]) => page).sort()).toEqual(siteSections.map((s) => s.slug).sort());
  });
});
