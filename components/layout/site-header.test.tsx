import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { SiteHeader } from './site-header';

// The address the page is rendered for, as Next.js gives it to client components on the server.
const address = vi.hoisted(() => ({ pathname: '/' }));
vi.mock('next/navigation', () => ({ usePathname: () => address.pathname }));

/** Text of the links marked aria-current="page" in the header, as the server renders it at `pathname`. */
function markedAt(pathname: string): string[] {
  address.pathname = pathname;
  const html = renderToStaticMarkup(<SiteHeader />);
  return [...html.matchAll(/<a [^>]*aria-current="page"[^>]*>([^<]*)<\/a>/g)].map((m) => m[1]!.trim());
}

describe('SiteHeader navigation', () => {
  it('marks the section of a section page, also on its later pages', () => {
    expect(markedAt('/sections/business')).toEqual(['ビジネス']);
    expect(markedAt('/sections/technology/2')).toEqual(['テクノロジー']);
  });

  it('marks ランキング on the ranking page and トップ on the home page', () => {
    expect(markedAt('/ranking')).toEqual(['ランキング']);
    expect(markedAt('/')).toEqual(['トップ']);
  });

  it('marks 雑誌 in both navigations on the magazine pages', () => {
    expect(markedAt('/magazine')).toEqual(['雑誌', '雑誌']);
  });

  it('marks nothing on an article in the server HTML (the article claims its section in the browser) nor on other pages', () => {
    expect(markedAt('/articles/abcd2345')).toEqual([]);
    expect(markedAt('/tags/tokyo')).toEqual([]);
  });

  it('draws the mark as a bar under the section link, never bold (a wider link would push its neighbours)', () => {
    address.pathname = '/sections/world';
    const marked = /<a [^>]*aria-current="page"[^>]*>/.exec(renderToStaticMarkup(<SiteHeader />))![0];
    const classes = /class="([^"]*)"/.exec(marked)![1]!.split(' ');
    expect(classes).toContain('aria-[current=page]:shadow-[inset_0_-3px_0_#fff]');
    expect(classes.filter((c) => /font-(bold|semibold|black)/.test(c))).toEqual([]);
  });
});
