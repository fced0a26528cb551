import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ArticleView } from '@/components/article/article-view';
import { ArticleCard } from '@/components/cards/article-card';
import { HeadlineList } from '@/components/cards/headline-list';
import { PreviewBanner } from '@/components/preview/preview-banner';
import { toArticle } from '@/lib/content/shape';
import { toRailItem } from '@/lib/rails/snapshot';
import { parseDraft } from '@/lib/newsroom/draft';
import { sanitizeBodySource } from '@/lib/text/sanitize-body';

/**
 * XSS payloads typed into every editor field, through the newsroom's own
 * validation and body cleaning, then rendered by every public component that
 * shows them: no tag, event handler or script URL comes out as markup.
 */

const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  "'><iframe src=javascript:alert(1)>",
  '<a href="javascript:alert(1)">x</a>',
  '{{constructor.constructor("alert(1)")()}}',
];

const payload = PAYLOADS.join(' ');

function render(node: React.ReactNode): string {
  return renderToStaticMarkup(<>{node}</>);
}

// React quotes every attribute value with `"` and escapes `<`, `>` and `"`
// inside text and values, so its markup splits cleanly into tags and text.
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'=<>/]+(?:="[^"]*")?)*)\s*\/?>/g;
const ATTR = /\s+([^\s"'=<>/]+)(?:="([^"]*)")?/g;

/**
 * Markup an attacker would need: a dangerous element, an event-handler
 * attribute, a script or data URL in a link or source, or any `<` that is
 * not part of a well-formed tag.
 */
function findInjection(html: string): string[] {
  const found: string[] = [];
  for (const [, , name, attrs] of html.matchAll(TAG)) {
    if (/^(script|iframe|svg|object|embed|frame|base|meta)$/i.test(name!)) found.push(`<${name}>`);
    for (const [, attr, raw = ''] of attrs!.matchAll(ATTR)) {
      const value = raw.replaceAll('&amp;', '&').replaceAll('&quot;', '"');
      if (/^on/i.test(attr!)) found.push(`${name} ${attr}`);
      if (/^(href|src|srcset|action|formaction)$/i.test(attr!) && /^\s*(javascript|data|vbscript):/i.test(value)) found.push(`${name} ${attr}=${value}`);
      if (attr === 'src' && value === 'x') found.push(`${name} src=x`);
    }
  }
  if (html.replace(TAG, '').includes('<')) found.push('a stray <');
  return found;
}

describe('XSS payloads in every editor field', () => {
  const parsed = parseDraft({
    headline: payload.slice(0, 120),
    standfirst: payload,
    body: `${payload}\n\n## ${payload}\n\n[押す](javascript:alert(1)) [d](data:text/html,<script>alert(1)</script>)\n\n> ${payload}\n\n- ${payload}\n\n::figure[${payload}]{src="javascript:alert(1)" alt="${payload}" credit="${payload}"}\n\n![x](javascript:alert(1))`,
    section: 'world',
    topics: [],
    tags: [],
    hero: { src: '/media/uploads/2026/11/abc.png', width: 1200, height: 675, alt: payload.slice(0, 200), caption: payload, credit: payload.slice(0, 100) },
    agency: 'toyo',
    wireCode: payload.slice(0, 64),
    breakingUntil: null,
    sponsored: true,
    series: null,
  });

  it('pass validation as plain text (they are words an editor may legitimately quote)', () => {
    expect(parsed.ok).toBe(true);
  });

  it('never come out of the public components as markup', () => {
    if (!parsed.ok) throw new Error(parsed.error);
    const draft = parsed.draft;
    const article = toArticle(
      {
        id: 'abcdefgh',
        headline: draft.headline,
        standfirst: draft.standfirst,
        section_slug: 'world',
        section_name: payload,
        topic_slug: 'x',
        topic_name: payload,
        published_at: '2026-11-20T03:00:00.000Z',
        updated_at: '2026-11-20T05:00:00.000Z',
        hero_src: draft.hero!.src,
        hero_width: 1200,
        hero_height: 675,
        hero_alt: draft.hero!.alt,
        hero_caption: draft.hero!.caption,
        hero_credit: draft.hero!.credit,
        sponsored: 1,
        kind: 'article',
        live_started_at: null,
        live_ended_at: null,
        body: sanitizeBodySource(draft.body).body,
        wire_code: draft.wireCode,
        series_slug: 's',
        series_name: payload,
        series_sponsored: 1,
        series_sponsor_name: payload,
        agency_name: payload,
        syndication_credit: payload,
        copyright_line: payload,
        seo_title: payload,
        seo_description: payload,
        social_src: null,
        social_width: null,
        social_height: null,
      },
      { topics: [{ slug: 'x', name: payload }], tags: [{ slug: 'y', name: payload, kind: 'person' }], authors: [{ slug: 'z', name: payload, role: payload }],
        corrections: [{ text: payload, publishedAt: '2026-11-20T05:00:00.000Z' }],
      },
    );
    const html = render(
      <>
        <ArticleView article={article} page={1} preview />
        <ArticleCard article={article} size="lead" />
        <HeadlineList items={[toRailItem(article)]} />
        <PreviewBanner articleId="abcdefgh" status="draft" publishedAt={null} viewer="link" />
      </>,
    );
    expect(findInjection(html)).toEqual([]);
    // And the words are still there, escaped, for the reader to see.
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('the detector itself finds what it must', () => {
    expect(findInjection('<p><script>x<img src="x" onerror="y"><a href="javascript:z">')).toEqual([
      '<script>',
      'img src=x',
      'img onerror',
      'a href=javascript:z',
    ]);
    expect(findInjection('<p title="&quot;&gt;&lt;svg onload=alert(1)&gt;">&lt;script&gt;</p>')).toEqual([]);
    expect(findInjection('<p>a < b</p>')).toEqual(['a stray <']);
  });
});
