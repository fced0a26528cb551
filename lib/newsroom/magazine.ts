import { randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import { CACHE_TAGS } from '../cache/tags';
import { isArticleId } from '../content/ids';
import type { ArticleStatus, Database } from '../db/schema';
import { toJstDay } from '../time/jst';
import {
  addDays,
  decideIssueProblems,
  decideIssueStandings,
  decidePublicationProblems,
  MAGAZINE_MESSAGES,
  MagazineError,
  type IssueInput,
  type IssueStanding,
  type MagazineArticle,
  type PublicationInput,
  type PublicationKind,
} from './magazine-rules';

/**
 * The magazine desk (docs/adr/0049-magazine-desk.md): the issues
 * of 週刊Kiji with their covers and contents (目次), and the MOOKs and
 * special editions, created and edited in the newsroom; each save in one
 * transaction that answers with the cache tags whose pages changed. Readers
 * read them through lib/content (listMagazineIssues, getMagazineContents),
 * which keep only what has gone on sale and only public articles.
 */

type Db = Kysely<Database>;

/** A picture as an issue or publication carries it: its /media address and size, read from the stored file, never from the form. */
export type Cover = { src: string; width: number; height: number };

/** An issue as the newsroom lists it. */
export type DeskIssueSummary = {
  slug: string;
  issueDate: string;
  onSaleDate: string;
  featureTitle: string;
  blurb: string;
  cover: Cover;
  revision: number;
  standing: IssueStanding;
  updatedAt: string | null;
  updatedBy: string | null;
  /** How many articles its contents list (readers see the public ones). */
  contentCount: number;
};

/** An issue as the newsroom edits it: every article of its contents, in order, whatever its status. */
export type DeskIssue = DeskIssueSummary & { contents: MagazineArticle[] };

export type DeskPublication = {
  slug: string;
  title: string;
  kind: PublicationKind;
  blurb: string;
  onSaleDate: string;
  onSale: boolean;
  priceYen: number;
  cover: Cover;
  revision: number;
  /** Whether /publications lists it now (its 発売日 has come). */
  listed: boolean;
  updatedAt: string | null;
  updatedBy: string | null;
};

/** How many recent articles the contents editor offers to pick from (it filters them by headline). */
export const CONTENTS_CANDIDATES = 300;

/** The bodies the route handlers accept; anything else is 入力内容を確認してください。 Bounded well above the rules, which give the Japanese reasons. */
const dateText = z.string().max(40);
export const issueBodySchema = z.object({
  issueDate: dateText,
  onSaleDate: dateText,
  featureTitle: z.string().max(2_000),
  blurb: z.string().max(20_000),
  coverSrc: z.string().max(500).nullable(),
  articleIds: z.array(z.string().max(64)).max(200),
});
export const publicationBodySchema = z.object({
  title: z.string().max(2_000),
  kind: z.enum(['mook', 'special']),
  onSaleDate: dateText,
  onSale: z.boolean(),
  priceYen: z.number(),
  blurb: z.string().max(20_000),
  coverSrc: z.string().max(500).nullable(),
});
const revision = z.number().int().min(1).max(1_000_000_000);
export const issueSaveSchema = issueBodySchema.extend({ baseRevision: revision });
export const publicationSaveSchema = publicationBodySchema.extend({ baseRevision: revision });

/** Issue addresses are their dates (`/magazine/2026-12-15`); publications' are short lowercase words. Checked before any query. */
export function isMagazineSlug(value: string): boolean {
  return /^[a-z0-9][a-z0-9-]{0,63}$/.test(value);
}

function toMagazineArticle(row: { id: string; headline: string; section_name: string; status: ArticleStatus; published_at: string | null }, now: Date): MagazineArticle {
  return {
    id: row.id,
    headline: row.headline,
    sectionName: row.section_name,
    status: row.status,
    publishedAt: row.published_at,
    visible: row.status === 'published' && row.published_at !== null && Date.parse(row.published_at) <= now.getTime(),
  };
}

function selectArticles(db: Db) {
  return db
    .selectFrom('articles')
    .innerJoin('sections', 'sections.slug', 'articles.section_slug')
    .where('articles.deleted_at', 'is', null)
    .select(['articles.id', 'articles.headline', 'sections.name as section_name', 'articles.status', 'articles.published_at']);
}

/** An issue's contents, in order (deleted drafts left out: the newsroom no longer shows them). */
async function listContents(db: Db, slug: string, now: Date): Promise<MagazineArticle[]> {
  const rows = await selectArticles(db)
    .innerJoin('magazine_issue_articles as m', 'm.article_id', 'articles.id')
    .where('m.issue_slug', '=', slug)
    .orderBy('m.position')
    .execute();
  return rows.map((r) => toMagazineArticle(r, now));
}

function selectIssues(db: Db) {
  return db
    .selectFrom('magazine_issues')
    .leftJoin('editors', 'editors.id', 'magazine_issues.updated_by')
    .selectAll('magazine_issues')
    .select([
      'editors.name as updated_by_name',
      (eb) =>
        eb
          .selectFrom('magazine_issue_articles as m')
          .whereRef('m.issue_slug', '=', 'magazine_issues.slug')
          .select((c) => c.fn.countAll<number | string>().as('n'))
          .as('content_count'),
    ])
    .orderBy('magazine_issues.issue_date', 'desc');
}

type IssueRow = Awaited<ReturnType<ReturnType<typeof selectIssues>['executeTakeFirstOrThrow']>>;

function toDeskIssueSummary(r: IssueRow, standing: IssueStanding): DeskIssueSummary {
  return {
    slug: r.slug,
    issueDate: r.issue_date,
    onSaleDate: r.on_sale_date,
    featureTitle: r.feature_title,
    blurb: r.blurb,
    cover: { src: r.cover_src, width: Number(r.cover_width), height: Number(r.cover_height) },
    revision: Number(r.revision),
    standing,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by_name,
    contentCount: Number(r.content_count ?? 0),
  };
}

function selectPublications(db: Db) {
  return db
    .selectFrom('publications')
    .leftJoin('editors', 'editors.id', 'publications.updated_by')
    .selectAll('publications')
    .select('editors.name as updated_by_name')
    .orderBy('publications.on_sale_date', 'desc')
    .orderBy('publications.slug');
}

type PublicationRow = Awaited<ReturnType<ReturnType<typeof selectPublications>['executeTakeFirstOrThrow']>>;

function toDeskPublication(r: PublicationRow, today: string): DeskPublication {
  return {
    slug: r.slug,
    title: r.title,
    kind: r.kind,
    blurb: r.blurb,
    onSaleDate: r.on_sale_date,
    onSale: Number(r.on_sale) === 1,
    priceYen: Number(r.price_yen),
    cover: { src: r.cover_src, width: Number(r.cover_width), height: Number(r.cover_height) },
    revision: Number(r.revision),
    listed: r.on_sale_date <= today,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by_name,
  };
}

/** Every issue, newest first, with its standing for readers today; every publication, newest first. Read fresh, never cached. */
export async function getMagazineDesk(db: Db, now = new Date()): Promise<{ issues: DeskIssueSummary[]; publications: DeskPublication[] }> {
  const today = toJstDay(now);
  const [issueRows, publicationRows] = await Promise.all([selectIssues(db).execute(), selectPublications(db).execute()]);
  const standings = decideIssueStandings(
    issueRows.map((r) => ({ onSaleDate: r.on_sale_date })),
    today,
  );
  return {
    issues: issueRows.map((r, i) => toDeskIssueSummary(r, standings[i]!)),
    publications: publicationRows.map((r) => toDeskPublication(r, today)),
  };
}

/** One issue as the newsroom edits it; null for no such issue. */
export async function findDeskIssue(db: Db, slug: string, now = new Date()): Promise<DeskIssue | null> {
  if (!isMagazineSlug(slug)) return null;
  const today = toJstDay(now);
  const row = await selectIssues(db).where('magazine_issues.slug', '=', slug).executeTakeFirst();
  if (!row) return null;
  // The issue on sale is the newest whose 発売日 has come.
  const current = await db
    .selectFrom('magazine_issues')
    .select('slug')
    .where('on_sale_date', '<=', today)
    .orderBy('issue_date', 'desc')
    .limit(1)
    .executeTakeFirst();
  const standing: IssueStanding = row.on_sale_date > today ? 'upcoming' : current?.slug === slug ? 'current' : 'back';
  return { ...toDeskIssueSummary(row, standing), contents: await listContents(db, slug, now) };
}

/** One publication as the newsroom edits it; null for no such publication. */
export async function findDeskPublication(db: Db, slug: string, now = new Date()): Promise<DeskPublication | null> {
  if (!isMagazineSlug(slug)) return null;
  const row = await selectPublications(db).where('publications.slug', '=', slug).executeTakeFirst();
  return row ? toDeskPublication(row, toJstDay(now)) : null;
}

/**
 * The articles the contents editor offers: the newest changed first, any
 * status but deleted (a draft placed now for next week's issue appears to
 * readers when it is published).
 */
export async function listContentsCandidates(db: Db, now = new Date()): Promise<MagazineArticle[]> {
  const rows = await selectArticles(db)
    .where('articles.updated_at', 'is not', null)
    .orderBy('articles.updated_at', 'desc')
    .orderBy('articles.id')
    .limit(CONTENTS_CANDIDATES)
    .execute();
  return rows.map((r) => toMagazineArticle(r, now));
}

/** The dates a new issue's form starts from: a week after the newest issue (a weekly), or from today. */
export async function suggestNextIssue(db: Db, now = new Date()): Promise<{ issueDate: string; onSaleDate: string }> {
  const newest = await db.selectFrom('magazine_issues').select(['issue_date', 'on_sale_date']).orderBy('issue_date', 'desc').limit(1).executeTakeFirst();
  if (!newest) {
    const today = toJstDay(now);
    return { issueDate: addDays(today, 7), onSaleDate: today };
  }
  return { issueDate: addDays(newest.issue_date, 7), onSaleDate: addDays(newest.on_sale_date, 7) };
}

/** The stored picture at `src`, with its size; a MagazineError on the cover field when there is none. */
async function findCover(trx: Transaction<Database>, src: string): Promise<Cover> {
  if (!src.startsWith('/media/')) throw new MagazineError(MAGAZINE_MESSAGES.coverNotFound, 400, 'cover');
  const media = await trx.selectFrom('media').select(['width', 'height']).where('path', '=', src.slice('/media/'.length)).executeTakeFirst();
  if (!media) throw new MagazineError(MAGAZINE_MESSAGES.coverNotFound, 400, 'cover');
  return { src, width: Number(media.width), height: Number(media.height) };
}

/** Every id names an article the newsroom still has; a MagazineError on the contents field otherwise. */
async function checkArticles(trx: Transaction<Database>, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  if (ids.some((id) => !isArticleId(id))) throw new MagazineError(MAGAZINE_MESSAGES.articleNotFound, 400, 'contents');
  const found = await trx.selectFrom('articles').select('id').where('id', 'in', [...ids]).where('deleted_at', 'is', null).execute();
  if (found.length !== new Set(ids).size) throw new MagazineError(MAGAZINE_MESSAGES.articleNotFound, 400, 'contents');
}

function refuseProblems(problems: { field: MagazineError['field']; message: string }[]): void {
  const [first] = problems;
  if (first) throw new MagazineError(first.message, 400, first.field);
}

function duplicateIssue(issueDate: string): MagazineError {
  const [y, m, d] = issueDate.split('-').map(Number);
  return new MagazineError(`${y}年${m}月${d}日号はすでにあります。号の日付を確かめてください。`, 409, 'issueDate');
}

async function writeContents(trx: Transaction<Database>, slug: string, articleIds: readonly string[]): Promise<void> {
  await trx.deleteFrom('magazine_issue_articles').where('issue_slug', '=', slug).execute();
  if (articleIds.length > 0) {
    await trx
      .insertInto('magazine_issue_articles')
      .values(articleIds.map((article_id, position) => ({ issue_slug: slug, position, article_id })))
      .execute();
  }
}

type IssueFacts = { slug: string; issueDate: string; onSaleDate: string; featureTitle: string; blurb: string; coverSrc: string; articleIds: readonly string[] };

/**
 * The tags an issue's save makes old (ADR 0049), from what it was and is:
 * nothing while it is not on sale before or after (no reader page shows
 * it: it appears on its 発売日, read by the day); `magazine` when anything
 * the issue list, the 最新号 block or the sitemaps show changed (new, date,
 * title, blurb, cover); the issue's own contents tag when its articles did.
 */
export function decideIssueInvalidation(before: IssueFacts | null, after: IssueFacts, today: string): string[] {
  const shown = (facts: IssueFacts | null) => facts !== null && facts.onSaleDate <= today;
  if (!shown(before) && !shown(after)) return [];
  const tags: string[] = [];
  const listed = (f: IssueFacts) => JSON.stringify([f.slug, f.issueDate, f.onSaleDate, f.featureTitle, f.blurb, f.coverSrc]);
  if (!before || !shown(before) || !shown(after) || listed(before) !== listed(after)) tags.push(CACHE_TAGS.magazine);
  if (!before || before.articleIds.join(' ') !== after.articleIds.join(' ') || tags.length > 0) tags.push(CACHE_TAGS.magazineIssue(after.slug));
  if (before && before.slug !== after.slug) tags.push(CACHE_TAGS.magazineIssue(before.slug));
  return tags;
}

function trimmed(input: IssueInput) {
  return { ...input, featureTitle: input.featureTitle.trim(), blurb: input.blurb.trim() };
}

/**
 * Creates an issue named for its date (`/magazine/2026-12-15`), with its
 * cover and contents, all or nothing. Refuses with a MagazineError (nothing
 * written): a rule broken (./magazine-rules.ts), a cover that is not a
 * stored picture, an article the newsroom does not have, a date that
 * already has an issue (409).
 */
export async function createIssue(db: Db, input: IssueInput & { editorId: string }, now = new Date()): Promise<{ slug: string; revision: number; invalidate: string[] }> {
  refuseProblems(decideIssueProblems(input));
  const issue = trimmed(input);
  const slug = issue.issueDate;
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    const cover = await findCover(trx, issue.coverSrc!);
    await checkArticles(trx, issue.articleIds);
    const taken = await trx
      .selectFrom('magazine_issues')
      .select('slug')
      .where((eb) => eb.or([eb('slug', '=', slug), eb('issue_date', '=', issue.issueDate)]))
      .executeTakeFirst();
    if (taken) throw duplicateIssue(issue.issueDate);
    await trx
      .insertInto('magazine_issues')
      .values({
        slug,
        issue_date: issue.issueDate,
        on_sale_date: issue.onSaleDate,
        feature_title: issue.featureTitle,
        blurb: issue.blurb,
        cover_src: cover.src,
        cover_width: cover.width,
        cover_height: cover.height,
        revision: 1,
        updated_at: at,
        updated_by: input.editorId,
      })
      .execute();
    await writeContents(trx, slug, issue.articleIds);
  });
  const after = { slug, ...issue, coverSrc: issue.coverSrc! };
  return { slug, revision: 1, invalidate: decideIssueInvalidation(null, after, toJstDay(now)) };
}

/**
 * Saves an issue over the revision the form was loaded with (409 when
 * another desk saved since, and the form keeps its text). A new date renames
 * the issue (its address is its date) only while it is not on sale: a
 * reader's link to an issue on sale must keep working.
 */
export async function saveIssue(
  db: Db,
  slug: string,
  input: IssueInput & { baseRevision: number; editorId: string },
  now = new Date(),
): Promise<{ slug: string; revision: number; invalidate: string[] }> {
  if (!isMagazineSlug(slug)) throw new MagazineError(MAGAZINE_MESSAGES.issueNotFound, 404);
  refuseProblems(decideIssueProblems(input));
  const issue = trimmed(input);
  const today = toJstDay(now);
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('magazine_issues').selectAll().where('slug', '=', slug).executeTakeFirst();
    if (!row) throw new MagazineError(MAGAZINE_MESSAGES.issueNotFound, 404);
    if (Number(row.revision) !== input.baseRevision) throw new MagazineError(MAGAZINE_MESSAGES.stale, 409);
    const renamed = issue.issueDate !== row.issue_date;
    if (renamed && row.on_sale_date <= today) throw new MagazineError(MAGAZINE_MESSAGES.renameOnSale, 409, 'issueDate');
    const newSlug = renamed ? issue.issueDate : slug;
    if (renamed) {
      const taken = await trx
        .selectFrom('magazine_issues')
        .select('slug')
        .where((eb) => eb.or([eb('slug', '=', newSlug), eb('issue_date', '=', issue.issueDate)]))
        .executeTakeFirst();
      if (taken) throw duplicateIssue(issue.issueDate);
    }
    const cover = await findCover(trx, issue.coverSrc!);
    await checkArticles(trx, issue.articleIds);
    const before = await trx.selectFrom('magazine_issue_articles').select('article_id').where('issue_slug', '=', slug).orderBy('position').execute();
    const next = Number(row.revision) + 1;
    // The revision in the condition too: of two saves that read the same row, one updates it.
    const updated = await trx
      .updateTable('magazine_issues')
      .set({
        slug: newSlug,
        issue_date: issue.issueDate,
        on_sale_date: issue.onSaleDate,
        feature_title: issue.featureTitle,
        blurb: issue.blurb,
        cover_src: cover.src,
        cover_width: cover.width,
        cover_height: cover.height,
        revision: next,
        updated_at: now.toISOString(),
        updated_by: input.editorId,
      })
      .where('slug', '=', slug)
      .where('revision', '=', input.baseRevision)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new MagazineError(MAGAZINE_MESSAGES.stale, 409);
    await writeContents(trx, newSlug, issue.articleIds);
    const invalidate = decideIssueInvalidation(
      {
        slug,
        issueDate: row.issue_date,
        onSaleDate: row.on_sale_date,
        featureTitle: row.feature_title,
        blurb: row.blurb,
        coverSrc: row.cover_src,
        articleIds: before.map((r) => r.article_id),
      },
      { slug: newSlug, ...issue, coverSrc: cover.src },
      today,
    );
    return { slug: newSlug, revision: next, invalidate };
  });
}

/** Publications show on /publications from their 発売日: a save touches readers only when it was or is listed. */
export function decidePublicationInvalidation(before: { onSaleDate: string } | null, after: { onSaleDate: string }, today: string): string[] {
  return (before && before.onSaleDate <= today) || after.onSaleDate <= today ? [CACHE_TAGS.publications] : [];
}

function toPublicationRow(input: PublicationInput, cover: Cover) {
  return {
    title: input.title.trim(),
    kind: input.kind,
    blurb: input.blurb.trim(),
    on_sale_date: input.onSaleDate,
    on_sale: input.onSale ? 1 : 0,
    price_yen: input.priceYen,
    cover_src: cover.src,
    cover_width: cover.width,
    cover_height: cover.height,
  };
}

/** A new publication's address: no reader page names it (the list is one page), so a short random word. */
function createPublicationSlug(): string {
  return `p-${randomBytes(5).toString('hex')}`;
}

/** Creates a MOOK or special edition; refuses like {@link createIssue}, nothing written. */
export async function createPublication(db: Db, input: PublicationInput & { editorId: string }, now = new Date()): Promise<{ slug: string; revision: number; invalidate: string[] }> {
  refuseProblems(decidePublicationProblems(input));
  const slug = createPublicationSlug();
  await db.transaction().execute(async (trx) => {
    const cover = await findCover(trx, input.coverSrc!);
    await trx
      .insertInto('publications')
      .values({ slug, ...toPublicationRow(input, cover), revision: 1, updated_at: now.toISOString(), updated_by: input.editorId })
      .execute();
  });
  return { slug, revision: 1, invalidate: decidePublicationInvalidation(null, input, toJstDay(now)) };
}

/** Saves a publication over the revision the form was loaded with (409 when another desk saved since). */
export async function savePublication(
  db: Db,
  slug: string,
  input: PublicationInput & { baseRevision: number; editorId: string },
  now = new Date(),
): Promise<{ slug: string; revision: number; invalidate: string[] }> {
  if (!isMagazineSlug(slug)) throw new MagazineError(MAGAZINE_MESSAGES.publicationNotFound, 404);
  refuseProblems(decidePublicationProblems(input));
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('publications').select(['revision', 'on_sale_date']).where('slug', '=', slug).executeTakeFirst();
    if (!row) throw new MagazineError(MAGAZINE_MESSAGES.publicationNotFound, 404);
    if (Number(row.revision) !== input.baseRevision) throw new MagazineError(MAGAZINE_MESSAGES.stale, 409);
    const cover = await findCover(trx, input.coverSrc!);
    const next = input.baseRevision + 1;
    const updated = await trx
      .updateTable('publications')
      .set({ ...toPublicationRow(input, cover), revision: next, updated_at: now.toISOString(), updated_by: input.editorId })
      .where('slug', '=', slug)
      .where('revision', '=', input.baseRevision)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new MagazineError(MAGAZINE_MESSAGES.stale, 409);
    return { slug, revision: next, invalidate: decidePublicationInvalidation({ onSaleDate: row.on_sale_date }, input, toJstDay(now)) };
  });
}
