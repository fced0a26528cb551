import { sql, type ExpressionBuilder, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../db/schema';
import { TRUST_PAGES } from '../site/pages';
import { listFixedPageDates } from './fixed-pages';
import { getJstMonthRange, toJstDay, toJstMonth } from '../time/jst';
import { toLiveModifiedAt } from '../live/shape';
import { isPublic } from './queries';
import { articlePath, authorPath, magazineIssuePath, MAGAZINE_PATH, PUBLICATIONS_PATH, sectionPath, seriesPath, tagPath, topicPath } from './urls';

/**
 * What crawlers are told exists: the rows behind the sitemap index, its
 * child sitemaps and the Google News sitemap. Every read is public-only
 * (the same predicate as pages) and pages through rows in batches, so no
 * sitemap ever holds a whole table in memory. The index itself reads only
 * small tables and one row per listed subject, never every article: the
 * month counts are kept by triggers (`article_months`, migration 0006).
 */

/** The sitemaps.org limit of URLs in one sitemap file. */
export const SITEMAP_MAX_URLS = 50_000;
/** Rows read per query while writing a sitemap. */
export const SITEMAP_BATCH = 1_000;
/** Google News: only articles published in the last 48 hours… */
export const NEWS_WINDOW_HOURS = 48;
/** …and at most 1,000 of them per news sitemap. */
export const NEWS_MAX_ARTICLES = 1_000;

type Db = Kysely<Database>;

/** One `<url>`: a site path, its last change (ISO) and the pictures on it. */
export type SitemapEntry = { path: string; lastmod: string | null; images: string[] };

/** A child sitemap of articles: one Japan-time month, split into parts of at most `maxUrls`. */
export type ArticleSitemapPart = { month: string; part: number; count: number; lastmod: string | null };

/** The kinds of non-article page listed in their own child sitemaps. */
export const LISTING_SITEMAP_KINDS = ['pages', 'topics', 'tags', 'series', 'authors', 'issues'] as const;
export type ListingSitemapKind = (typeof LISTING_SITEMAP_KINDS)[number];
export type ListingSitemapPart = { kind: ListingSitemapKind; part: number; count: number; lastmod: string | null };

/** `lastmod`: when it last changed, which for a live page is its newest post (ADR 0039); the publication time for most. */
export type NewsSitemapArticle = { path: string; headline: string; publishedAt: string; lastmod: string };

const HOUR_MS = 3_600_000;

/**
 * The time of a live page's newest visible post or edit (null for any other
 * article, which has no posts), as a column: one look-up in
 * `live_posts_by_article` per row. `edited_at` is never before `posted_at`.
 */
function newestPost(eb: ExpressionBuilder<Database, 'articles'>) {
  return eb
    .selectFrom('live_posts')
    .whereRef('live_posts.article_id', '=', 'articles.id')
    .where('live_posts.deleted_at', 'is', null)
    .select((p) => p.fn.max(p.fn.coalesce('live_posts.edited_at', 'live_posts.posted_at')).as('t'))
    .as('newest_post');
}

/** A row's last change: its update time, moved on by a live page's posts and end (lib/live/shape.ts). */
function toLastmod(row: { updated_at: string | null; published_at: string | null; newest_post: string | null; live_ended_at: string | null }): string | null {
  const own = row.updated_at ?? row.published_at;
  return own ? toLiveModifiedAt(own, [row.newest_post, row.live_ended_at]) : null;
}

/**
 * The newest change among the news sitemap's entries, for its `<lastmod>`
 * in the sitemap index: a post on a running live page changes the news
 * sitemap as much as a new article does.
 */
export function findNewestNewsChange(articles: readonly NewsSitemapArticle[]): string | null {
  const [first, ...rest] = articles.flatMap((a) => [a.publishedAt, a.lastmod]);
  return first === undefined ? null : toLiveModifiedAt(first, rest);
}
function splitParts<T extends { count: number }>(row: T, maxUrls: number): (T & { part: number; count: number })[] {
  const parts = Math.max(1, Math.ceil(row.count / maxUrls));
  return Array.from({ length: parts }, (_, i) => ({ ...row, part: i + 1, count: Math.min(maxUrls, row.count - i * maxUrls) }));
}

/**
 * The article sitemaps to list in the index: one per Japan-time month with
 * published articles, oldest first, from the month counts the triggers keep
 * (a few rows, however many articles there are).
 */
export async function listArticleSitemapParts(db: Db, now: Date, maxUrls = SITEMAP_MAX_URLS): Promise<ArticleSitemapPart[]> {
  const rows = await db
    .selectFrom('article_months')
    .where('articles', '>', 0)
    .where('month', '<=', toJstMonth(now))
    .select(['month', 'articles', 'lastmod'])
    .orderBy('month')
    .execute();
  return rows.flatMap((r) => splitParts({ month: r.month, count: Number(r.articles), lastmod: r.lastmod }, maxUrls));
}

/**
 * When anything a listing sitemap shows last changed: the newest change to a
 * published article in any month (a topic, tag, series or author page lists
 * articles, so its sitemap entry moves when one of them does). It can be
 * later than the listing's own newest article, never earlier.
 */
async function newestArticleChange(db: Db, now: Date): Promise<string | null> {
  const row = await db
    .selectFrom('article_months')
    .where('month', '<=', toJstMonth(now))
    .select((eb) => eb.fn.max('lastmod').as('lastmod'))
    .executeTakeFirst();
  return row?.lastmod ?? null;
}

/**
 * One batch of an article sitemap part, oldest first: URL, last change and
 * hero picture. `batch` is 0-based within the part; an empty result means
 * the part is done.
 */
export async function listArticleSitemapBatch(
  db: Db,
  { month, part, batch }: { month: string; part: number; batch: number },
  now: Date,
  maxUrls = SITEMAP_MAX_URLS,
  batchSize = SITEMAP_BATCH,
): Promise<SitemapEntry[]> {
  const range = getJstMonthRange(month);
  const offset = (part - 1) * maxUrls + batch * batchSize;
  const limit = Math.min(batchSize, part * maxUrls - offset);
  if (!range || part < 1 || batch < 0 || limit <= 0) return [];
  const rows = await db
    .selectFrom('articles')
    .where(isPublic(now))
    .where('articles.published_at', '>=', range.start)
    .where('articles.published_at', '<', range.end)
    .select(['articles.id', 'articles.updated_at', 'articles.published_at', 'articles.hero_src', 'articles.live_ended_at', newestPost])
    .orderBy('articles.published_at')
    .orderBy('articles.id')
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map((r) => ({
    path: articlePath(r.id),
    lastmod: toLastmod(r),
    images: r.hero_src ? [r.hero_src] : [],
  }));
}

/**
 * Public articles published within the last {@link NEWS_WINDOW_HOURS}
 * hours, and every live page whose coverage is running however long ago it
 * began (ADR 0039: it is news while it is live); running live pages first,
 * then newest first, at most {@link NEWS_MAX_ARTICLES}. Each keeps its real
 * publication time; `lastmod` says when it last changed.
 */
export async function listNewsSitemapArticles(db: Db, now: Date): Promise<NewsSitemapArticle[]> {
  const since = new Date(now.getTime() - NEWS_WINDOW_HOURS * HOUR_MS).toISOString();
  const rows = await db
    .selectFrom('articles')
    .where(isPublic(now))
    .where((eb) =>
      eb.or([
        eb('articles.published_at', '>=', since),
        eb.and([eb('articles.kind', '=', 'live'), eb('articles.live_started_at', 'is not', null), eb('articles.live_ended_at', 'is', null)]),
      ]),
    )
    .select(['articles.id', 'articles.headline', 'articles.published_at', 'articles.updated_at', 'articles.live_ended_at', newestPost])
    // A thousand articles in two days would otherwise push a live page begun three days ago past the limit.
    .orderBy(sql`case when articles.kind = 'live' and articles.live_started_at is not null and articles.live_ended_at is null then 0 else 1 end`)
    .orderBy('articles.published_at', 'desc')
    .orderBy('articles.id')
    .limit(NEWS_MAX_ARTICLES)
    .execute();
  return rows.map((r) => {
    const publishedAt = r.published_at ?? now.toISOString();
    return { path: articlePath(r.id), headline: r.headline, publishedAt, lastmod: toLastmod(r) ?? publishedAt };
  });
}

type KeyRow = { key: string; lastmod: string | null };
type Summary = { n: number; lastmod: string | null };
type Listing = {
  page(limit: number, offset: number): Promise<KeyRow[]>;
  summarize(): Promise<Summary>;
};

/**
 * A listing of subjects that have a public article: pages through
 * (key, lastmod) rows; `count` counts the subjects with one public article
 * each found through an index (EXISTS), so the index does not read every
 * article, and the lastmod is the newest change to any published article.
 */
function articleListing<DB, TB extends keyof DB, CDB, CTB extends keyof CDB>(
  db: Db,
  now: Date,
  query: SelectQueryBuilder<DB, TB, KeyRow>,
  count: SelectQueryBuilder<CDB, CTB, { n: number | string | bigint }>,
): Listing {
  return {
    page: (limit, offset) => query.limit(limit).offset(offset).execute(),
    async summarize() {
      const [row, lastmod] = await Promise.all([count.executeTakeFirst(), newestArticleChange(db, now)]);
      return { n: Number(row?.n ?? 0), lastmod };
    },
  };
}

// The subjects an article is linked to through a link table (article_id, the
// subject's slug, position): one query shape for topics, tags and authors.
const LINKED = {
  topics: { link: 'article_topics', column: 'topic_slug', subjects: 'topics' },
  tags: { link: 'article_tags', column: 'tag_slug', subjects: 'tags' },
  authors: { link: 'article_authors', column: 'author_slug', subjects: 'authors' },
} as const;

/** The listing of topics, tags or authors that have a public article, through their link table. */
function linkedListing(db: Db, now: Date, kind: keyof typeof LINKED): Listing {
  const { link, column, subjects } = LINKED[kind];
  // Kysely types only table names it knows statically; the three link tables
  // share a shape, so the table and its slug column go in as identifiers.
  const links = sql<{ article_id: string }>`${sql.table(link)}`.as('link');
  const slug = sql<string>`${sql.ref(`link.${column}`)}`;
  return articleListing(
    db,
    now,
    db
      .selectFrom(links)
      .innerJoin('articles', 'articles.id', 'link.article_id')
      .where(isPublic(now))
      .groupBy(slug)
      .select([slug.as('key'), (eb) => eb.fn.max('articles.updated_at').as('lastmod')])
      .orderBy(slug),
    db
      .selectFrom(sql<{ slug: string }>`${sql.table(subjects)}`.as('subject'))
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom(links)
            .innerJoin('articles', 'articles.id', 'link.article_id')
            .where(sql<boolean>`${slug} = ${sql.ref('subject.slug')}`)
            .where(isPublic(now))
            .select(sql.lit(1).as('one')),
        ),
      )
      .select((eb) => eb.fn.countAll<number>().as('n')),
  );
}

// Each kind as (key, lastmod) rows in a stable order, so offsets page through it.
// Topics, tags and series are listed only when they have a public article: an
// empty listing page is thin content a crawler should not be sent to.
function listingQuery(db: Db, kind: Exclude<ListingSitemapKind, 'pages'>, now: Date): Listing {
  switch (kind) {
    case 'topics':
    case 'tags':
      return linkedListing(db, now, kind);
    case 'series':
      return articleListing(
        db,
        now,
        db
          .selectFrom('articles')
          .where(isPublic(now))
          .where('articles.series_slug', 'is not', null)
          .groupBy('articles.series_slug')
          .select([sql<string>`articles.series_slug`.as('key'), (eb) => eb.fn.max('articles.updated_at').as('lastmod')])
          .orderBy('articles.series_slug'),
        db
          .selectFrom('series')
          .where(({ exists, selectFrom }) =>
            exists(selectFrom('articles').whereRef('articles.series_slug', '=', 'series.slug').where(isPublic(now)).select(sql.lit(1).as('one'))),
          )
          .select((eb) => eb.fn.countAll<number>().as('n')),
      );
    case 'authors':
      return linkedListing(db, now, kind);
    case 'issues': {
      const issues = db.selectFrom('magazine_issues').where('on_sale_date', '<=', toJstDay(now));
      return {
        page: (limit, offset) => issues.select(['slug as key', 'on_sale_date as lastmod']).orderBy('slug').limit(limit).offset(offset).execute(),
        async summarize() {
          const row = await issues.select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('on_sale_date').as('lastmod')]).executeTakeFirst();
          return { n: Number(row?.n ?? 0), lastmod: row?.lastmod ?? null };
        },
      };
    }
  }
}

const pathOf: Record<Exclude<ListingSitemapKind, 'pages'>, (key: string) => string> = {
  topics: (slug) => topicPath(slug),
  tags: (slug) => tagPath(slug),
  series: (slug) => seriesPath(slug),
  authors: (slug) => authorPath(slug),
  issues: (slug) => magazineIssuePath(slug),
};

// The home page, each section, the magazine and the publications, then the
// site's pages about itself (会社概要 …, dated by their last save): a handful
// of rows, read in one go.
async function listPageEntries(db: Db, now: Date): Promise<SitemapEntry[]> {
  // Each section's newest change, read from the top of its index (section, status, updated_at).
  const sections = await db
    .selectFrom('sections')
    .select((eb) => [
      'sections.slug',
      eb
        .selectFrom('articles')
        .whereRef('articles.section_slug', '=', 'sections.slug')
        .where(isPublic(now))
        .where('articles.updated_at', 'is not', null)
        .select('articles.updated_at')
        .orderBy('articles.updated_at', 'desc')
        .limit(1)
        .as('lastmod'),
    ])
    .orderBy('sections.position')
    .execute();
  const newest = sections.map((s) => s.lastmod).filter((t): t is string => Boolean(t)).sort().at(-1) ?? null;
  const issue = await db
    .selectFrom('magazine_issues')
    .where('on_sale_date', '<=', toJstDay(now))
    .select((eb) => eb.fn.max('on_sale_date').as('d'))
    .executeTakeFirst();
  const publication = await db
    .selectFrom('publications')
    .where('on_sale_date', '<=', toJstDay(now))
    .select((eb) => eb.fn.max('on_sale_date').as('d'))
    .executeTakeFirst();
  return [
    { path: '/', lastmod: newest, images: [] },
    ...sections.map((s) => ({ path: sectionPath(s.slug), lastmod: s.lastmod ?? null, images: [] })),
    { path: MAGAZINE_PATH, lastmod: issue?.d ?? null, images: [] },
    { path: PUBLICATIONS_PATH, lastmod: publication?.d ?? null, images: [] },
    // Dated by their last save in the newsroom (docs/adr/0048-fixed-pages.md).
    ...(await listFixedPageDates(db)).map((page) => ({ path: TRUST_PAGES[page.slug].path, lastmod: page.updatedAt, images: [] })),
  ];
}

/** The non-article sitemaps to list in the index, each kind split into parts of at most `maxUrls`. */
export async function listListingSitemapParts(db: Db, now: Date, maxUrls = SITEMAP_MAX_URLS): Promise<ListingSitemapPart[]> {
  const parts: ListingSitemapPart[] = [];
  for (const kind of LISTING_SITEMAP_KINDS) {
    let count: number;
    let lastmod: string | null;
    if (kind === 'pages') {
      const pages = await listPageEntries(db, now);
      count = pages.length;
      lastmod = pages[0]?.lastmod ?? null;
    } else {
      const summary = await listingQuery(db, kind, now).summarize();
      count = summary.n;
      lastmod = summary.lastmod;
    }
    if (count > 0) parts.push(...splitParts({ kind, count, lastmod }, maxUrls));
  }
  return parts;
}

/** One batch of a non-article sitemap part; an empty result means the part is done. */
export async function listListingSitemapBatch(
  db: Db,
  { kind, part, batch }: { kind: ListingSitemapKind; part: number; batch: number },
  now: Date,
  maxUrls = SITEMAP_MAX_URLS,
  batchSize = SITEMAP_BATCH,
): Promise<SitemapEntry[]> {
  const offset = (part - 1) * maxUrls + batch * batchSize;
  const limit = Math.min(batchSize, part * maxUrls - offset);
  if (part < 1 || batch < 0 || limit <= 0) return [];
  if (kind === 'pages') return (await listPageEntries(db, now)).slice(offset, offset + limit);
  const rows = await listingQuery(db, kind, now).page(limit, offset);
  return rows.map((r) => ({ path: pathOf[kind](r.key), lastmod: r.lastmod, images: [] }));
}
