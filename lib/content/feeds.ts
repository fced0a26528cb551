import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { parseBody, toPlainText } from '../text/markdown';
import { listArticleCorrections, listArticleLinks, selectSummaries } from './queries';
import { toArticleSummary } from './shape';
import type { ArticleCorrection, ArticleSummary } from './types';

/** Items in an RSS feed: readers' apps show the newest few dozen. */
export const FEED_SIZE = 50;

/** An article as a feed item needs it: who wrote it, what it is about, its picture's size in bytes. */
export type FeedArticle = ArticleSummary & {
  /** The standfirst, or the body's first paragraph when there is none. */
  description: string;
  authors: string[];
  tags: string[];
  agencyName: string | null;
  /** Bytes of the stored hero (RSS enclosures carry a length); null when it is not in the media table. */
  heroBytes: number | null;
  /** The article's 訂正 notices, oldest first: a feed reader sees a correction too (ADR 0034). */
  corrections: ArticleCorrection[];
};

/** The newest public articles for a feed, optionally of one section, newest first. */
export async function listFeedArticles(
  db: Kysely<Database>,
  now: Date,
  { section, limit = FEED_SIZE }: { section?: string; limit?: number } = {},
): Promise<FeedArticle[]> {
  let query = selectSummaries(db, now)
    .leftJoin('agencies', 'agencies.slug', 'articles.agency_slug')
    // Heroes are served from /media/<path> (ADR 0004); length() of a blob or bytea is its size without reading it out.
    .leftJoin('media', (join) => join.on('media.path', '=', sql<string>`substr(articles.hero_src, 8)`))
    .select(['articles.body', 'agencies.name as agency_name', sql<number | null>`length(media.bytes)`.as('hero_bytes')]);
  if (section) query = query.where('articles.section_slug', '=', section);
  const rows = await query.orderBy('articles.published_at', 'desc').orderBy('articles.id').limit(limit).execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [{ tags, authors }, corrections] = await Promise.all([listArticleLinks(db, ids, { topics: false }), listArticleCorrections(db, ids)]);
  const group = (list: { article_id: string; name: string }[], id: string) => list.filter((x) => x.article_id === id).map((x) => x.name);
  return rows.map((row) => ({
    ...toArticleSummary(row),
    description: row.standfirst ?? firstParagraph(row.body),
    authors: group(authors, row.id),
    tags: group(tags, row.id),
    agencyName: row.agency_name ?? null,
    heroBytes: row.hero_bytes === null ? null : Number(row.hero_bytes),
    corrections: corrections.filter((c) => c.articleId === row.id).map(({ text, publishedAt }) => ({ text, publishedAt })),
  }));
}

/** The first paragraph of an article body as plain text: the description when there is no standfirst. */
export function firstParagraph(body: string): string {
  const first = parseBody(body).find((b) => b.type === 'paragraph');
  return first ? toPlainText([first]) : '';
}
