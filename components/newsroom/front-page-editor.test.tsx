import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { deskStory } from '@/test/support/desk-articles';
import { FrontPageEditor } from './front-page-editor.client';
import { FrontPageNow } from './front-page-now';

vi.mock('next/navigation', () => ({ useRouter: () => ({ refresh: () => undefined }) }));

/** What the desk's page shows before any click: the places as saved, a pin that dropped out, what can be picked. */

const story = deskStory;

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('FrontPageEditor', () => {
  it('lists the lead and four featured places, automatic where nothing is pinned', () => {
    const html = renderToStaticMarkup(
      <FrontPageEditor lead={story('aaaa2345')} featured={[story('bbbb2345')]} candidates={[story('aaaa2345'), story('cccc2345')]} featuredSlots={4} csrfToken="t" />,
    );
    const places = /data-testid="front-page-places"[\s\S]*?<\/ol>/.exec(html)![0];
    expect(text(places)).toMatch(/トップ 見出しaaaa2345.*注目1 見出しbbbb2345.*注目2 自動\(新しい順\).*注目3 自動\(新しい順\).*注目4 自動\(新しい順\)/);
    // Nothing above the lead, nothing below the last story placed.
    expect(html).toMatch(/<button[^>]*id="fp-up-aaaa2345"[^>]*disabled=""/);
    expect(html).toMatch(/<button[^>]*id="fp-down-bbbb2345"[^>]*disabled=""/);
    expect(html).not.toMatch(/<button[^>]*id="fp-down-aaaa2345"[^>]*disabled=""/);
    // Nothing changed yet: nothing to save.
    expect(html).toMatch(/<button[^>]*id="fp-save"[^>]*disabled=""/);
    // The lead is placed already; the other story can go either way.
    expect(html).toContain('トップに配置中');
    const button = (label: string) => html.match(/<button[^>]*>/g)!.find((tag) => tag.includes(`aria-label="${label}"`))!;
    expect(button('「見出しcccc2345」を注目に加える')).not.toContain('disabled=""');
    expect(button('「見出しaaaa2345」を注目に加える')).toContain('disabled=""');
    expect(button('「見出しaaaa2345」をトップに置く')).toContain('disabled=""');
  });

  it('tells the desk a pin is not shown to readers', () => {
    const html = renderToStaticMarkup(
      <FrontPageEditor lead={story('aaaa2345', { status: 'unpublished', visible: false })} featured={[]} candidates={[]} featuredSlots={4} csrfToken="t" />,
    );
    expect(text(html)).toContain('公開中ではないため、読者には表示されていません。外してから保存してください。');
    expect(text(html)).toContain('該当する公開中の記事はありません。');
  });

  it('prints a headline as text, never as markup', () => {
    const html = renderToStaticMarkup(
      <FrontPageEditor lead={story('aaaa2345', { headline: '<img src=x onerror=alert(1)>' })} featured={[]} candidates={[]} featuredSlots={4} csrfToken="t" />,
    );
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});

describe('FrontPageNow', () => {
  it('marks each place of the home page as pinned or automatic, lead first', () => {
    const html = renderToStaticMarkup(
      <FrontPageNow
        home={[
          { article: story('aaaa2345'), pinned: true },
          { article: story('bbbb2345'), pinned: false },
        ]}
        featuredSlots={4}
        savedBy={{ name: 'デスク 太郎', at: '2026-12-05T03:04:00.000Z' }}
      />,
    );
    expect(text(html)).toMatch(/トップ 見出しaaaa2345 .*固定 1番目 見出しbbbb2345 .*自動/);
    expect(text(html)).toContain('固定の最終保存:2026年12月5日(土)12時04分 ・ デスク 太郎');
    expect(html).toContain('href="/articles/aaaa2345"');
  });
});
