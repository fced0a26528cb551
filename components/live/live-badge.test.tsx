import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ArticleSummary } from '@/lib/content/types';
import { toRailItem } from '@/lib/rails/snapshot';
import { ArticleCard } from '../cards/article-card';
import { HeadlineList } from '../cards/headline-list';
import { testSummary } from '@/test/support/articles';

const story: ArticleSummary = testSummary({
  id: 'tyfnpage',
  headline: '台風10号が上陸',
  section: { slug: 'national', name: '社会' },
  publishedAt: '2026-12-05T04:00:00.000Z',
  liveNow: true,
});

describe('the LIVE badge on cards and rail rows (ADR 0039)', () => {
  it('is in the server HTML as words: LIVE to the eye, ライブ配信中 to a screen reader', () => {
    const html = renderToStaticMarkup(<ArticleCard article={story} />);
    expect(html).toContain('data-testid="live-badge"');
    expect(html).toMatch(/<span aria-hidden="true">LIVE<\/span><span class="sr-only">ライブ配信中<\/span>/);
    expect(renderToStaticMarkup(<HeadlineList items={[toRailItem(story)]} />)).toContain('ライブ配信中');
  });

  it('is absent from a card whose coverage is not running', () => {
    expect(renderToStaticMarkup(<ArticleCard article={{ ...story, liveNow: false }} />)).not.toContain('live-badge');
    expect(renderToStaticMarkup(<HeadlineList items={[toRailItem({ ...story, liveNow: false })]} />)).not.toContain('LIVE');
  });
});
