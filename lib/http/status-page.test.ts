import { describe, expect, it } from 'vitest';
import { statusPageHtml } from './status-page';
import { UNAVAILABLE_PAGE_HTML } from './unavailable-page';

describe('statusPageHtml', () => {
  it('is a whole Japanese page with the way home', () => {
    expect(UNAVAILABLE_PAGE_HTML).toContain('<html lang="ja">');
    expect(UNAVAILABLE_PAGE_HTML).toContain('<a href="/"');
    expect(UNAVAILABLE_PAGE_HTML).toContain('role="alert"');
  });

  it('offers no search while the database is down (search reads it too)', () => {
    expect(UNAVAILABLE_PAGE_HTML).not.toContain('<form');
    expect(statusPageHtml({ status: 404, title: 't', message: 'm' })).not.toContain('<form');
  });
});
