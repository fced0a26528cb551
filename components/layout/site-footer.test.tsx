import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SiteFooter } from './site-footer';

const html = renderToStaticMarkup(<SiteFooter />);

describe('SiteFooter', () => {
  it('links the site’s pages about itself by their names', () => {
    for (const [path, name] of [
      ['/about', '会社概要'],
      ['/privacy', 'プライバシーポリシー'],
      ['/terms', '利用規約'],
      ['/contact', 'お問い合わせ'],
    ]) {
      expect(html).toContain(`<a class="hover:underline" href="${path}">${name}</a>`);
    }
  });

  it('links the RSS feed as a feed, named RSS', () => {
    expect(html).toMatch(/<a href="\/feed\.xml" type="application\/rss\+xml"[^>]*>RSS<\/a>/);
  });

  it('keeps every link inside the footer’s one navigation landmark', () => {
    const nav = html.match(/<nav aria-label="フッター"[^>]*>(.*?)<\/nav>/)?.[1] ?? '';
    for (const href of ['/sections/world', '/magazine', '/about', '/privacy', '/terms', '/contact', '/feed.xml']) expect(nav).toContain(`href="${href}"`);
  });
});
