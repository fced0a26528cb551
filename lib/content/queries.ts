import type { ExpressionBuilder, Kysely, SelectQueryBuilder } from 'kysely';
import type { ArticleStatus, Database } from '../db/schema';
import type {
  Article,
  ArticleCorrection,
  ArticleSummary,
  HomePage,
  MagazineIssue,
  Paged,
  Publication,
  Section,
  Series,
  Tag,
  Topic,
} from './types';
import { decideFrontPage, FRONT_PAGE_FEATURED_SLOTS, type FrontPagePin } from './front-page';
import { toArticle, toArticleSummary, toMagazineIssue, toPublication, toSeries } from './shape';

/** Articles per page of a section, topic, tag or series listing. */
export const LISTING_PAGE_SIZE = 20;
/** Articles under 最新記事 on the home page. */
export const HOME_LATEST_COUNT = 12;
/** Top stories per section on the home page. */
export const HOME_SECTION_COUNT = 4;

type Db = Kysely<Database>;

/** Readers see an article only once it is published and its time has come. Shared with search and sitemaps. */
export function isPublic(now: Date) {
  return (eb: ExpressionBuilder<Database, 'articles'>) =>
    eb.and([eb('articles.status', '=', 'published'), eb('articles.published_at', '<=', now.toISOString())]);
}

/** Public articles with the columns a summary needs (`toArticleSummary`); callers add filters and order. */
export function selectSummaries(db: Db, now: Date, { anyStatus = false }: { anyStatus?: boolean } = {}) {
  return db
    .selectFrom('articles')
    .innerJoin('sections', 'sections.slug', 'articles.section_slug')
    .leftJoin('article_topics as lead_topic', (join) =>
      join.onRef('lead_topic.article_id', '=', 'articles.id').on('lead_topic.position', '=', 0),
    )
    .leftJoin('topics', 'topics.slug', 'lead_topic.topic_slug')
    // Only the newsroom's preview reads past this, for one article by id.
    .$if(!anyStatus, (q) => q.where(isPublic(now)))
    .select([
      'articles.id',
      'articles.headline',
      'articles.standfirst',
      'articles.section_slug',
      'sections.name as section_name',
      'topics.slug as topic_slug',
      'topics.name as topic_name',
      'articles.published_at',
      'articles.updated_at',
      'articles.hero_src',
      'articles.hero_width',
      'articles.hero_height',
      'articles.hero_alt',
      'articles.hero_caption',
      'articles.hero_credit',
      'articles.sponsored',
      'articles.kind',
      'articles.live_started_at',
      'articles.live_ended_at',
    ]);
}

type SummaryQuery = ReturnType<typeof selectSummaries>;

export async function paginate(
  db: Db,
  now: Date,
  page: number,
  filter: (q: SummaryQuery) => SummaryQuery,
  count: (q: SelectQueryBuilder<Database, 'articles', object>) => SelectQueryBuilder<Database, 'articles', object>,
): Promise<Paged<ArticleSummary>> {
  const counted = await count(db.selectFrom('articles').where(isPublic(now)))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const totalItems = Number(counted.n);
  const totalPages = Math.max(1, Math.ceil(totalItems / LISTING_PAGE_SIZE));
  if (page > totalPages) return { items: [], page, totalPages, totalItems };
  const rows = await filter(selectSummaries(db, now))
    .orderBy('articles.published_at', 'desc')
    .orderBy('articles.id')
    .limit(LISTING_PAGE_SIZE)
    .offset((page - 1) * LISTING_PAGE_SIZE)
    .execute();
  return { items: rows.map((r) => toArticleSummary(r)), page, totalPages, totalItems };
}

/** The newest public articles, newest first. */
export async function listLatest(db: Db, now: Date, limit: number): Promise<ArticleSummary[]> {
  const rows = await selectSummaries(db, now)
    .orderBy('articles.published_at', 'desc')
    .orderBy('articles.id')
    .limit(limit)
    .execute();
  return rows.map((r) => toArticleSummary(r));
}

/**
 * The pinned articles readers may see now, by slot (ADR 0033). A pin whose
 * article was unpublished, withdrawn or is not public yet is skipped (its
 * row stays, for the desk to see), so the automatic order fills its place;
 * so is a slot past the layout's featured places.
 */
export async function listFrontPagePins(db: Db, now: Date): Promise<FrontPagePin[]> {
  const rows = await selectSummaries(db, now)
    .innerJoin('front_page_slots', 'front_page_slots.article_id', 'articles.id')
    .where('front_page_slots.slot', '<=', FRONT_PAGE_FEATURED_SLOTS)
    .select('front_page_slots.slot')
    .orderBy('front_page_slots.slot')
    .execute();
  return rows.map((r) => ({ slot: Number(r.slot), article: toArticleSummary(r) }));
}

/**
 * The home page: the lead and the stories beside it (the desk's pins first,
 * then the newest) and the top stories of each section, in navigation order.
 */
export async function getHomePage(db: Db, now: Date): Promise<HomePage> {
  const pins = await listFrontPagePins(db, now);
  // Room for the pinned ones, which decideFrontPage takes out of the automatic lists.
  const extra = pins.length;
  const sections = await db.selectFrom('sections').select(['slug', 'name']).orderBy('position').execute();
  const latest = await listLatest(db, now, HOME_LATEST_COUNT + extra);
  const perSection = await Promise.all(
    sections.map(async (section) => {
      const rows = await selectSummaries(db, now)
        .where('articles.section_slug', '=', section.slug)
        .orderBy('articles.published_at', 'desc')
        .orderBy('articles.id')
        .limit(HOME_SECTION_COUNT + extra)
        .execute();
      return { section, articles: rows.map((r) => toArticleSummary(r)) };
    }),
  );
  return decideFrontPage(pins, { latest, sections: perSection }, { latestCount: HOME_LATEST_COUNT, sectionCount: HOME_SECTION_COUNT });
}

/**
 * One public article with everything its page shows, or null for unknown and
 * non-public ids. `anyStatus` (preview only) also finds drafts, scheduled and
 * unpublished articles.
 */
export async function findArticle(db: Db, id: string, now: Date, options: { anyStatus?: boolean } = {}): Promise<Article | null> {
  const row = await selectSummaries(db, now, options)
    .leftJoin('series', 'series.slug', 'articles.series_slug')
    .leftJoin('agencies', 'agencies.slug', 'articles.agency_slug')
    .where('articles.id', '=', id)
    .select([
      'articles.body',
      'articles.wire_code',
      'series.slug as series_slug',
      'series.name as series_name',
      'series.sponsored as series_sponsored',
      'series.sponsor_name as series_sponsor_name',
      'agencies.name as agency_name',
      'agencies.syndication_credit',
      'agencies.copyright_line',
      'articles.seo_title',
      'articles.seo_description',
      'articles.social_src',
      'articles.social_width',
      'articles.social_height',
    ])
    .executeTakeFirst();
  if (!row) return null;
  const [{ topics, tags, authors }, corrections] = await Promise.all([listArticleLinks(db, [id]), listArticleCorrections(db, [id])]);
  return toArticle(row, {
    topics: withoutArticleId(topics),
    tags: withoutArticleId(tags),
    authors: withoutArticleId(authors),
    corrections: corrections.map(({ text, publishedAt }) => ({ text, publishedAt })),
  });
}

/**
 * The 訂正 notices of some articles, each with its article's id, oldest
 * first within an article: for the article page, its preview and the feeds.
 */
export async function listArticleCorrections(db: Db, ids: string[]): Promise<(ArticleCorrection & { articleId: string })[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('article_corrections')
    .select(['article_id', 'text', 'created_at'])
    .where('article_id', 'in', ids)
    .orderBy('article_id')
    .orderBy('created_at')
    .orderBy('revision_number')
    .execute();
  return rows.map((r) => ({ articleId: r.article_id, text: r.text, publishedAt: r.created_at }));
}

function withoutArticleId<T extends { article_id: string }>(list: T[]): Omit<T, 'article_id'>[] {
  return list.map(({ article_id, ...rest }) => (void article_id, rest));
}

/**
 * The topics, tags and authors of some articles, through the link tables:
 * each list ordered by article, then by the position the editor gave it.
 * The one read of the link tables for an article page and for the feeds;
 * `topics: false` skips the topics (a feed item does not show them).
 */
export async function listArticleLinks(db: Db, ids: string[], { topics = true }: { topics?: boolean } = {}) {
  const none = ids.length === 0;
  const [topicRows, tags, authors] = await Promise.all([
    none || !topics
      ? []
      : db
          .selectFrom('article_topics')
          .innerJoin('topics', 'topics.slug', 'article_topics.topic_slug')
          .where('article_topics.article_id', 'in', ids)
          .orderBy('article_topics.article_id')
          .orderBy('article_topics.position')
          .select(['article_topics.article_id', 'topics.slug', 'topics.name'])
          .execute(),
    none
      ? []
      : db
          .selectFrom('article_tags')
          .innerJoin('tags', 'tags.slug', 'article_tags.tag_slug')
          .where('article_tags.article_id', 'in', ids)
          .orderBy('article_tags.article_id')
          .orderBy('article_tags.position')
          .select(['article_tags.article_id', 'tags.slug', 'tags.name', 'tags.kind'])
          .execute(),
    none
      ? []
      : db
          .selectFrom('article_authors')
          .innerJoin('authors', 'authors.slug', 'article_authors.author_slug')
          .where('article_authors.article_id', 'in', ids)
          .orderBy('article_authors.article_id')
          .orderBy('article_authors.position')
          .select(['article_authors.article_id', 'authors.slug', 'authors.name', 'authors.role'])
          .execute(),
  ]);
  return { topics: topicRows, tags, authors };
}

/**
 * An article's newsroom status and publication time (scheduled time for 予約),
 * whatever its status; null for a deleted draft too (ADR 0041), so its
 * preview address and any link shared to it answer 404.
 */
export async function findArticleStatus(db: Db, id: string): Promise<{ status: ArticleStatus; publishedAt: string | null } | null> {
  const row = await db.selectFrom('articles').select(['status', 'published_at']).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  return row ? { status: row.status, publishedAt: row.published_at } : null;
}

export async function findSection(db: Db, slug: string): Promise<Section | null> {
  return (await db.selectFrom('sections').select(['slug', 'name', 'description']).where('slug', '=', slug).executeTakeFirst()) ?? null;
}

export async function listSectionArticles(db: Db, slug: string, page: number, now: Date): Promise<Paged<ArticleSummary>> {
  return paginate(
    db,
    now,
    page,
    (q) => q.where('articles.section_slug', '=', slug),
    (q) => q.where('articles.section_slug', '=', slug),
  );
}

export async function findTopic(db: Db, slug: string): Promise<Topic | null> {
  return (await db.selectFrom('topics').select(['slug', 'name', 'description']).where('slug', '=', slug).executeTakeFirst()) ?? null;
}

export async function listTopicArticles(db: Db, slug: string, page: number, now: Date): Promise<Paged<ArticleSummary>> {
  const inTopic = (eb: ExpressionBuilder<Database, 'articles'>) =>
    eb(
      'articles.id',
      'in',
      eb.selectFrom('article_topics').select('article_topics.article_id').where('article_topics.topic_slug', '=', slug),
    );
  return paginate(db, now, page, (q) => q.where(inTopic), (q) => q.where(inTopic));
}

export async function findTag(db: Db, slug: string): Promise<Tag | null> {
  return (
    (await db.selectFrom('tags').select(['slug', 'name', 'kind', 'description']).where('slug', '=', slug).executeTakeFirst()) ?? null
  );
}

export async function listTagArticles(db: Db, slug: string, page: number, now: Date): Promise<Paged<ArticleSummary>> {
  const withTag = (eb: ExpressionBuilder<Database, 'articles'>) =>
    eb('articles.id', 'in', eb.selectFrom('article_tags').select('article_tags.article_id').where('article_tags.tag_slug', '=', slug));
  return paginate(db, now, page, (q) => q.where(withTag), (q) => q.where(withTag));
}

export async function findSeries(db: Db, slug: string): Promise<Series | null> {
  const row = await db.selectFrom('series').selectAll().where('slug', '=', slug).executeTakeFirst();
  return row ? toSeries(row) : null;
}

export async function listAllSeries(db: Db): Promise<Series[]> {
  const rows = await db.selectFrom('series').selectAll().orderBy('sponsored').orderBy('slug').execute();
  return rows.map(toSeries);
}

export async function listSeriesArticles(db: Db, slug: string, page: number, now: Date): Promise<Paged<ArticleSummary>> {
  return paginate(
    db,
    now,
    page,
    (q) => q.where('articles.series_slug', '=', slug),
    (q) => q.where('articles.series_slug', '=', slug),
  );
}

/** Magazine issues, newest first, that have gone on sale by `today` (YYYY-MM-DD, JST). */
export async function listMagazineIssues(db: Db, today: string): Promise<MagazineIssue[]> {
  const rows = await db
    .selectFrom('magazine_issues')
    .selectAll()
    .where('on_sale_date', '<=', today)
    .orderBy('issue_date', 'desc')
    .execute();
  return rows.map(toMagazineIssue);
}

export async function listPublications(db: Db, today: string): Promise<Publication[]> {
  const rows = await db
    .selectFrom('publications')
    .selectAll()
    .where('on_sale_date', '<=', today)
    .orderBy('on_sale', 'desc')
    .orderBy('on_sale_date', 'desc')
    .execute();
  return rows.map(toPublication);
}
