import type { Article, ArticleSummary } from '../../lib/content/types';
import { parseBody, splitPages } from '../../lib/text/markdown';

/**
 * Articles as the content door hands them to pages, for tests of what is
 * built from them (cards, rails, JSON-LD, feeds): a plain published story
 * in ワールド, every field set, with only what a test is about given.
 */

export function testSummary(over: Partial<ArticleSummary> = {}): ArticleSummary {
  const id = over.id ?? 'abcd2345';
  const publishedAt = over.publishedAt ?? '2026-11-19T15:30:00.000Z';
  return {
    id,
    url: `/articles/${id}`,
    headline: '見出し',
    standfirst: null,
    section: { slug: 'world', name: 'ワールド' },
    topic: null,
    publishedAt,
    updatedAt: publishedAt,
    hero: null,
    sponsored: false,
    liveNow: false,
    ...over,
  };
}

/** A whole article; `body` (house Markdown) gives its pages unless `pages` does. */
export function testArticle({ body = '最初の段落です。', ...over }: Partial<Article> & { body?: string } = {}): Article {
  return {
    ...testSummary(over),
    topics: [],
    tags: [],
    authors: [],
    series: null,
    attribution: null,
    seo: { title: null, description: null, image: null },
    pages: splitPages(parseBody(body)),
    readingMinutes: 1,
    isUpdated: false,
    corrections: [],
    ...over,
  };
}
