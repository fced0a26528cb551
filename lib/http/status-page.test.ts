import { describe, expect, it } from 'vitest';
import { GONE_PAGE_HTML } from '../newsroom/gone-page';
import { statusPageHtml } from './status-page';
import { UNAVAILABLE_PAGE_HTML } from './unavailable-page';

describe('statusPageHtml', () => {
  it('gives a withdrawn article’s reader a search box and the way home, not a dead end', () => {
    expect(GONE_PAGE_HTML).toMatch(/<form action="\/search" method="get" role="search"[^>]*>/);
    expect(GONE_PAGE_HTML).toMatch(/<input id="status-q" name="q" type="search"/);
    expect(GONE_PAGE_HTML).toContain('<label for="status-q"');
    expect(GONE_PAGE_HTML).toContain('<a href="/"');
    expect(GONE_PAGE_HTML).toContain('<html lang="ja">');
  });

  it('offers no search while the database is down (search reads it too)', () => {
    expect(UNAVAILABLE_PAGE_HTML).not.toContain('<form');
    expect(statusPageHtml({ status: 404, title: 't', message: 'm' })).not.toContain('<form');
  });
});
