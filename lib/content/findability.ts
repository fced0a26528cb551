import 'server-only';
import { unstable_cache } from 'next/cache';
import { CACHE_SECONDS, CACHE_TAGS } from '../cache/tags';
import { getDb, getDbConnection } from '../db';
import { findAuthor, listAuthorArticles } from './authors';
import { listFeedArticles } from './feeds';
import { parseSearchFilters, parseSearchQuery, searchArticles, SEARCH_MAX_PAGE, type SearchFilters, type SearchQuery, type SearchResults } from './search';
import {
  listArticleSitemapBatch,
  listArticleSitemapParts,
  listListingSitemapBatch,
  listListingSitemapParts,
  listNewsSitemapArticles,
  type ListingSitemapKind,
} from './sitemap';

/**
 * Getters for what crawlers and feed readers fetch: sitemaps, the news
 * sitemap, RSS feeds, and site search. Sitemap and feed reads are cached
 * under the same tags as pages, so the newsroom's `revalidateTag` on a
 * publish, correction or unpublish refreshes them too; their `revalidate`
 * is the backstop for time alone (a scheduled article's time arriving, the
 * news sitemap's 48-hour window moving on).
 */

const LISTING_TAGS = [CACHE_TAGS.articles, CACHE_TAGS.taxonomy, CACHE_TAGS.magazine, CACHE_TAGS.publications, CACHE_TAGS.fixedPages];

/** Every child sitemap there is: article months (in parts) and listing kinds (in parts). */
export const getSitemapParts = unstable_cache(
  async () => {
    const db = await getDb();
    const now = new Date();
    const [articles, listings] = await Promise.all([listArticleSitemapParts(db, now), listListingSitemapParts(db, now)]);
    return { articles, listings };
  },
  ['sitemap-parts'],
  { tags: LISTING_TAGS, revalidate: 300 },
);

/** One batch of rows of an article sitemap part (see lib/content/sitemap.ts). */
export const getArticleSitemapBatch = unstable_cache(
  async (month: string, part: number, batch: number) => listArticleSitemapBatch(await getDb(), { month, part, batch }, new Date()),
  ['sitemap-articles'],
  { tags: [CACHE_TAGS.articles], revalidate: 3600 },
);

/** One batch of rows of a listing sitemap part. */
export const getListingSitemapBatch = unstable_cache(
  async (kind: ListingSitemapKind, part: number, batch: number) => listListingSitemapBatch(await getDb(), { kind, part, batch }, new Date()),
  ['sitemap-listings'],
  { tags: LISTING_TAGS, revalidate: 3600 },
);

/** Articles for the Google News sitemap. A minute's backstop: the 48-hour window moves on by itself. */
export const getNewsSitemapArticles = unstable_cache(async () => listNewsSitemapArticles(await getDb(), new Date()), ['sitemap-news'], {
  tags: [CACHE_TAGS.articles],
  revalidate: 60,
});

/** The newest public articles for the site feed, or one section's feed. */
export const getFeedArticles = unstable_cache(
  async (section: string | null) => listFeedArticles(await getDb(), new Date(), { section: section ?? undefined }),
  ['feed'],
  { tags: [CACHE_TAGS.articles, CACHE_TAGS.taxonomy], revalidate: 300 },
);

/** The query parameters of `/search` as Next.js gives them. */
export type SearchParams = { [name in 'q' | 'page' | 'sort' | 'period']?: string | string[] };

/** What the search page shows; `filters` (order and period) in every case, for its form. */
export type SearchOutcome = { filters: SearchFilters } & (
  | { kind: 'empty' }
  | { kind: 'results'; results: SearchResults }
  | { kind: 'bad-page'; query: SearchQuery }
);

/**
 * A reader's search, straight from the database (queries are unbounded in
 * number, so caching them would only evict pages). `page` is the parameter
 * as given; anything but 1…{@link SEARCH_MAX_PAGE} is a bad page. Unknown
 * `sort` and `period` values fall back to the defaults.
 */
export async function getSearchResults(params: SearchParams): Promise<SearchOutcome> {
  const filters = parseSearchFilters(params);
  const query = parseSearchQuery(params.q);
  if (!query) return { kind: 'empty', filters };
  const pageText = Array.isArray(params.page) ? params.page[0] : params.page;
  const page = pageText === undefined ? 1 : /^[1-9]\d{0,3}$/.test(pageText) ? Number(pageText) : NaN;
  if (!(page >= 1 && page <= SEARCH_MAX_PAGE)) return { kind: 'bad-page', query, filters };
  const results = await searchArticles(await getDbConnection(), query, page, new Date(), { filters });
  if (results.totalItems > 0 && page > results.totalPages) return { kind: 'bad-page', query, filters };
  return { kind: 'results', results, filters };
}

/**
 * An author's page: who they are and their public articles (the `url` of
 * `Person` in article JSON-LD). Tagged with the author, so an edit of their
 * profile re-renders this page alone (ADR 0050).
 */
export function getAuthorListing(slug: string, page: number) {
  return unstable_cache(
    async () => {
      const db = await getDb();
      const subject = await findAuthor(db, slug);
      if (!subject) return null;
      return { subject, articles: await listAuthorArticles(db, slug, page, new Date()) };
    },
    ['author', slug, String(page)],
    { tags: [CACHE_TAGS.articles, CACHE_TAGS.taxonomy, CACHE_TAGS.author(slug)], revalidate: CACHE_SECONDS.listing },
  )();
}
