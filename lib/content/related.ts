import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { Database } from '../db/schema';
import { rankRelated, type RelatedFeatures } from '../related/rank';
import { listPublicSummariesByIds } from './lookup';
import { isPublic } from './queries';
import type { ArticleSummary } from './types';

type Db = Kysely<Database>;

/** How many related articles an article page may show in all (both carousels, every page they load). */
export const RELATED_LIMIT = 48;

// Newest candidates gathered per kind of relation before ranking. Bounded so
// a tag or section with 100,000 articles costs the same as one with 10; the
// ranking halves a relation's strength every two weeks, so past the newest
// hundred of a relation a candidate would rarely reach the first 48 anyway.
const CANDIDATES_PER_RELATION = 100;

type Filter = (eb: ExpressionBuilder<Database, 'articles'>) => Expression<SqlBool>;

/**
 * あわせて読みたい for one article as summaries: see {@link rankRelatedArticleIds}.
 */
export async function listRelatedArticles(db: Db, id: string, now: Date, limit = RELATED_LIMIT): Promise<ArticleSummary[] | null> {
  const ids = await rankRelatedArticleIds(db, id, now, limit);
  if (!ids) return null;
  const summaries = await listPublicSummariesByIds(db, ids, now);
  return ids.flatMap((related) => summaries.get(related) ?? []);
}

/**
 * あわせて読みたい for one article: the ids of public articles ranked by
 * lib/related/rank.ts, at most `limit`. Null when the article itself is not
 * public (unknown, draft, scheduled, unpublished), so a reader can never learn
 * anything about it from the related list. Ranking reads only what it weighs
 * (section, series, time, topic and tag links) of the few hundred
 * candidates; the cards' columns are read for the ones a page shows.
 */
export async function rankRelatedArticleIds(db: Db, id: string, now: Date, limit = RELATED_LIMIT): Promise<string[] | null> {
  const subjectRow = await db
    .selectFrom('articles')
    .where(isPublic(now))
    .where('articles.id', '=', id)
    .select(['articles.id', 'articles.section_slug', 'articles.series_slug', 'articles.published_at'])
    .executeTakeFirst();
  if (!subjectRow) return null;
  const subjectLinks = await loadLinks(db, [id]);
  const subject: RelatedFeatures = {
    id,
    sectionSlug: subjectRow.section_slug,
    seriesSlug: subjectRow.series_slug,
    topicSlugs: subjectLinks.topics.get(id) ?? [],
    tagSlugs: subjectLinks.tags.get(id) ?? [],
    publishedAt: subjectRow.published_at ?? now.toISOString(),
  };

  const { topicSlugs, tagSlugs, seriesSlug, sectionSlug } = subject;
  // One bounded read per relation; `null` is the newest of everything, the
  // fourth tier, so the row is full even for a story with no close relations.
  const relations = ([
    seriesSlug ? (eb) => eb('articles.series_slug', '=', seriesSlug) : undefined,
    (eb) => eb('articles.section_slug', '=', sectionSlug),
    null,
  ] satisfies (Filter | null | undefined)[]).filter((relation) => relation !== undefined);

  // Ids first, read from indexes only; then the card columns of the few
  // hundred candidates. Series, section and the newest come from the
  // articles' own indexes; topics and tags from the link rows, which carry
  // their article's status and publication time (migration 0008), so a
  // tag's newest public articles are the first entries of its index however
  // many articles it has (reading them through `articles` took 48 ms per
  // page at 100,000 articles).
  const gathered = await Promise.all([
    ...relations.map((relation) =>
      db
        .selectFrom('articles')
        .where(isPublic(now))
        .$if(relation !== null, (q) => q.where(relation!))
        .where('articles.id', '!=', id)
        .select(['articles.id', 'articles.published_at'])
        .orderBy('articles.published_at', 'desc')
        .orderBy('articles.id')
        .limit(CANDIDATES_PER_RELATION)
        .execute(),
    ),
    newestLinked(db, 'topics', topicSlugs, id, now),
    newestLinked(db, 'tags', tagSlugs, id, now),
  ]);
  const candidateIds = [...new Set(gathered.flat().map((row) => row.id))];
  if (candidateIds.length === 0) return [];
  // Every candidate was public when gathered, in this same statement's snapshot of time.
  const featureRows = await db
    .selectFrom('articles')
    .where('articles.id', 'in', candidateIds)
    .select(['articles.id', 'articles.section_slug', 'articles.series_slug', 'articles.published_at'])
    .execute();
  const rows = new Map(featureRows.map((row) => [row.id, row]));
  const [links, tagCounts] = await Promise.all([loadLinks(db, candidateIds), countTags(db, subject.tagSlugs)]);
  // In the order gathered (relation, then newest first), whatever order the IN query returned.
  const candidateRows = candidateIds.map((candidate) => rows.get(candidate)).filter((row) => row !== undefined);
  const candidates: RelatedFeatures[] = candidateRows.map((row) => ({
    id: row.id,
    sectionSlug: row.section_slug,
    seriesSlug: row.series_slug,
    topicSlugs: links.topics.get(row.id) ?? [],
    tagSlugs: links.tags.get(row.id) ?? [],
    publishedAt: row.published_at ?? '',
  }));
  return rankRelated(subject, candidates, { now, tagCounts, limit }).map((a) => a.id);
}

type Candidate = { id: string; published_at: string | null };

const LINK_TABLES = {
  tags: { table: 'article_tags', column: 'tag_slug' },
  topics: { table: 'article_topics', column: 'topic_slug' },
} as const;

/**
 * The newest public articles (at most {@link CANDIDATES_PER_RELATION}) that
 * carry any of `slugs`, `exclude` aside: the first entries of each slug's
 * index on the link rows, merged newest first (the order, ties by id, of the
 * other relations).
 */
async function newestLinked(db: Db, kind: 'tags' | 'topics', slugs: readonly string[], exclude: string, now: Date): Promise<Candidate[]> {
  const { table, column } = LINK_TABLES[kind];
  // isPublic (lib/content/queries.ts) on the link's copy of status and published_at.
  const perSlug = await Promise.all(
    slugs.map(
      async (slug) =>
        (
          await sql<Candidate>`select article_id as id, published_at from ${sql.table(table)}
            where ${sql.ref(column)} = ${slug} and status = 'published' and published_at <= ${now.toISOString()} and article_id <> ${exclude}
            order by published_at desc, article_id limit ${CANDIDATES_PER_RELATION}`.execute(db)
        ).rows,
    ),
  );
  const byId = new Map(perSlug.flat().map((row) => [row.id, { id: row.id, published_at: row.published_at ?? null }]));
  // ISO times and ids compare as plain strings: newest first, then by id.
  const compare = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return [...byId.values()]
    .sort((a, b) => compare(b.published_at ?? '', a.published_at ?? '') || compare(a.id, b.id))
    .slice(0, CANDIDATES_PER_RELATION);
}

async function loadLinks(db: Db, ids: string[]): Promise<{ topics: Map<string, string[]>; tags: Map<string, string[]> }> {
  const topics = new Map<string, string[]>();
  const tags = new Map<string, string[]>();
  if (ids.length === 0) return { topics, tags };
  const [topicRows, tagRows] = await Promise.all([
    db.selectFrom('article_topics').select(['article_id', 'topic_slug as slug']).where('article_id', 'in', ids).orderBy('position').execute(),
    db.selectFrom('article_tags').select(['article_id', 'tag_slug as slug']).where('article_id', 'in', ids).orderBy('position').execute(),
  ]);
  for (const [rowsOf, into] of [
    [topicRows, topics],
    [tagRows, tags],
  ] as const) {
    for (const row of rowsOf) into.set(row.article_id, [...(into.get(row.article_id) ?? []), row.slug]);
  }
  return { topics, tags };
}

/**
 * How many articles carry each of `slugs`. Drafts count too: the number only
 * weighs a tag's rarity, and counting from the tag index alone (no join to
 * articles) keeps this at a millisecond with 100,000 articles, where the
 * join took hundreds on SQLite (docs/benchmarks.md).
 */
async function countTags(db: Db, slugs: readonly string[]): Promise<Map<string, number>> {
  if (slugs.length === 0) return new Map();
  const rows = await db
    .selectFrom('article_tags')
    .where('tag_slug', 'in', [...slugs])
    .groupBy('tag_slug')
    .select((eb) => ['tag_slug', eb.fn.countAll<number>().as('n')])
    .execute();
  return new Map(rows.map((row) => [row.tag_slug, Number(row.n)]));
}
