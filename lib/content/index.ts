import 'server-only';
import { unstable_cache } from 'next/cache';
import { cache } from 'react';
import { CACHE_SECONDS, CACHE_TAGS } from '../cache/tags';
import { getDb } from '../db';
import { listPublicBylineSlugs } from './authors';
import { isArticleId } from './ids';
import { listPublicSummariesByIds } from './lookup';
import { listMagazineContentIds } from './magazine';
import * as q from './queries';
import { toJstDay } from '../time/jst';
import { rankRelatedArticleIds } from './related';
import { findFixedPage } from './fixed-pages';
import { isFixedPageSlug } from '../site/pages';

/**
 * The one door to content for pages and components. Every getter reads only
 * what readers may see (published, time come), and caches through Next.js's
 * data cache under tags from lib/cache/tags.ts.
 */

export const getHomePage = unstable_cache(async () => q.getHomePage(await getDb(), new Date()), ['home'], {
  // Every publish (`articles`) and every change of the desk's pins (`front-page`, ADR 0033).
  tags: [CACHE_TAGS.articles, CACHE_TAGS.frontPage],
  revalidate: CACHE_SECONDS.listing,
});

/**
 * A public article by id; null for malformed, unknown, draft, scheduled or
 * unpublished ids. With `preview` (an editor or preview-link holder, decided
 * by lib/preview/access.ts alone) any status is returned, read straight from the
 * database: a draft never enters the shared cache.
 */
export async function getArticle(id: string, { preview = false }: { preview?: boolean } = {}) {
  if (!isArticleId(id)) return null;
  if (preview) return q.findArticle(await getDb(), id, new Date(), { anyStatus: true });
  // The byline first, so the article's read can carry each author's tag: a
  // new 肩書き re-renders the pages that print it and no others (ADR 0050).
  // The byline changes only with a publish, which expires both reads.
  const byline = await unstable_cache(async () => listPublicBylineSlugs(await getDb(), id, new Date()), ['byline', id], {
    tags: [CACHE_TAGS.article(id)],
    revalidate: CACHE_SECONDS.article,
  })();
  if (byline === null) return null;
  // The article's own data changes only when it is published, corrected or withdrawn.
  return unstable_cache(async () => q.findArticle(await getDb(), id, new Date()), ['article', id], {
    tags: [CACHE_TAGS.article(id), CACHE_TAGS.taxonomy, ...byline.map(CACHE_TAGS.byline)],
    revalidate: CACHE_SECONDS.article,
  })();
}

/** Where an article stands in the newsroom, for the preview banner. Never cached. */
export async function getArticleStatus(id: string) {
  if (!isArticleId(id)) return null;
  return q.findArticleStatus(await getDb(), id);
}

function listing<T>(
  name: 'section' | 'topic' | 'tag' | 'series',
  find: (db: Awaited<ReturnType<typeof getDb>>, slug: string) => Promise<T | null>,
  list: typeof q.listSectionArticles,
) {
  // Tagged per subject, so publishing in ワールド leaves every other section's pages cached.
  return (slug: string, page: number) =>
    unstable_cache(
      async () => {
        const db = await getDb();
        const subject = await find(db, slug);
        if (!subject) return null;
        const articles = await list(db, slug, page, new Date());
        return { subject, articles };
      },
      [name, slug, String(page)],
      { tags: [CACHE_TAGS[name](slug), CACHE_TAGS.taxonomy], revalidate: CACHE_SECONDS.listing },
    )();
}

export const getSectionListing = listing('section', q.findSection, q.listSectionArticles);
export const getTopicListing = listing('topic', q.findTopic, q.listTopicArticles);
export const getTagListing = listing('tag', q.findTag, q.listTagArticles);
export const getSeriesListing = listing('series', q.findSeries, q.listSeriesArticles);

export const getAllSeries = unstable_cache(async () => q.listAllSeries(await getDb()), ['series-all'], {
  tags: [CACHE_TAGS.taxonomy],
  revalidate: CACHE_SECONDS.promo,
});

// Keyed by the Japan-time day as well (an argument is part of the key): an
// issue or publication whose 発売日 is today is read at the page's first
// render after midnight, not at the end of yesterday's entry's day.
const readMagazineIssues = unstable_cache(async (today: string) => q.listMagazineIssues(await getDb(), today), ['magazine'], {
  tags: [CACHE_TAGS.magazine],
  revalidate: CACHE_SECONDS.promo,
});

/** Magazine issues on sale by today (JST), newest first. */
export function getMagazineIssues() {
  return readMagazineIssues(toJstDay(new Date()));
}

/**
 * The public articles of an issue's contents (目次), in the desk's order.
 * The list is tagged with the issue's contents; each card with its article
 * (getArticleSummaries), including those not public yet, so a draft placed
 * in the contents appears on the issue's page when it is published.
 */
export async function getMagazineContents(slug: string) {
  const ids = await unstable_cache(async () => listMagazineContentIds(await getDb(), slug), ['magazine-contents', slug], {
    tags: [CACHE_TAGS.magazineIssue(slug)],
    revalidate: CACHE_SECONDS.promo,
  })();
  return getArticleSummaries(ids);
}

/** The issue on sale now (the newest that has gone on sale), for the promo block. */
export async function getCurrentIssue() {
  return (await getMagazineIssues())[0] ?? null;
}

const readPublications = unstable_cache(async (today: string) => q.listPublications(await getDb(), today), ['publications'], {
  tags: [CACHE_TAGS.publications],
  revalidate: CACHE_SECONDS.promo,
});

/** Mooks and special editions on sale by today (JST): 好評発売中 first, then newest. */
export function getPublications() {
  return readPublications(toJstDay(new Date()));
}

/**
 * One of the site's fixed pages (会社概要, プライバシーポリシー, 利用規約,
 * お問い合わせ); null for any other slug. Tagged with that page alone: the
 * newsroom's save re-renders it and nothing else (docs/adr/0048-fixed-pages.md).
 */
export async function getFixedPage(slug: string) {
  if (!isFixedPageSlug(slug)) return null;
  return unstable_cache(async () => findFixedPage(await getDb(), slug), ['fixed-page', slug], {
    tags: [CACHE_TAGS.fixedPage(slug)],
    revalidate: CACHE_SECONDS.fixedPage,
  })();
}

/**
 * あわせて読みたい for a public article: ids, ranked (lib/related/rank.ts);
 * null for malformed ids and articles readers cannot see. Tagged with the
 * article alone: a publish elsewhere does not re-rank every article page (a
 * newer story joins the list when the article is next rendered, a day at
 * most). What a page shows of it is read through {@link getArticleSummaries},
 * which ties the page to each card it shows.
 */
export const getRelatedArticleIds = cache(async (id: string) => {
  if (!isArticleId(id)) return null;
  // An article page asks twice (its two あわせて読みたい rows) at the same moment; React's
  // cache makes that one ranking per render, where the data cache alone ran it twice.
  return unstable_cache(async () => rankRelatedArticleIds(await getDb(), id, new Date()), ['related-ids', id], {
    tags: [CACHE_TAGS.article(id)],
    revalidate: CACHE_SECONDS.article,
  })();
});

/**
 * The current summaries of the public articles among `ids`, in the order
 * given, tagged with each article: a page that shows them as cards is
 * re-rendered when one of them is corrected or withdrawn, and by nothing
 * else.
 */
export async function getArticleSummaries(ids: readonly string[]) {
  const valid = ids.filter(isArticleId);
  if (valid.length === 0) return [];
  return unstable_cache(
    async () => {
      const found = await listPublicSummariesByIds(await getDb(), valid, new Date());
      return valid.flatMap((id) => found.get(id) ?? []);
    },
    ['summaries', ...valid],
    // `taxonomy` too: a card's label is its article's first topic, which a rename changes (ADR 0050).
    { tags: [...valid.map(CACHE_TAGS.article), CACHE_TAGS.taxonomy], revalidate: CACHE_SECONDS.article },
  )();
}

export {
  articlePath,
  articlePreviewPath,
  sectionPath,
  topicPath,
  tagPath,
  seriesPath,
  authorPath,
  magazineIssuePath,
  MAGAZINE_PATH,
  PUBLICATIONS_PATH,
  parsePageSegment,
  decodeSlugSegment,
} from './urls';
export { isArticleId } from './ids';
export type { FixedPage } from './fixed-pages';
export { getMedia, type StoredMedia } from './media';

/**
 * A stored picture's crop for structured data (./crops.ts), made on first
 * request. Loaded when first asked for: cropping brings sharp, which no page
 * that reads content through this door should load.
 */
export async function getMediaCrop(ratio: string, path: string) {
  const crops = await import('./crops');
  return crops.getMediaCrop(ratio, path);
}
export type * from './types';

// Findability (docs/adr/0008-findability-freshness.md, docs/adr/0007-site-search.md): sitemaps, feeds and site search.
export * from './findability';
export type { FeedArticle } from './feeds';
export type { SearchFilters, SearchHit, SearchPeriod, SearchQuery, SearchResults, SearchSort, TextSegment } from './search';
export type { ArticleSitemapPart, ListingSitemapKind, ListingSitemapPart, NewsSitemapArticle, SitemapEntry } from './sitemap';
export { findNewestNewsChange, LISTING_SITEMAP_KINDS } from './sitemap';
export { DEFAULT_SEARCH_FILTERS, parseSearchQuery, searchPath, SEARCH_MAX_QUERY_LENGTH, SEARCH_MAX_TERMS, SEARCH_PERIODS, SEARCH_SORTS } from './search';
export { LISTING_PAGE_SIZE } from './queries';

// Breaking-news ticker (docs/adr/0005-breaking-and-rankings-freshness.md, docs/adr/0018-page-lifetimes-and-tags.md); pages read it through lib/rails.
export type { BreakingItem } from './breaking-queries';
