import { randomBytes } from 'node:crypto';
import type { Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely';
import { z } from 'zod';
import { CACHE_TAGS } from '../cache/tags';
import { isArticleId } from '../content/ids';
import type { Database } from '../db/schema';
import { toJstDay } from '../time/jst';
import {
  addDays,
  decideIssueProblems,
  decideIssueStandings,
  decidePublicationProblems,
  MAGAZINE_MESSAGES,
  MagazineError,
  type IssueField,
  type IssueInput,
  type IssueStanding,
  type MagazineArticle,
  type MagazineProblem,
  type PublicationField,
  type PublicationInput,
  type PublicationKind,
} from './magazine-rules';
import { listDeskCandidates, selectDeskArticles, toDeskArticle, type CandidateRules } from './desk-articles';

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

/** An issue's contents, in order (deleted drafts left out: the newsroom no longer shows them). */
async function listContents(db: Db, slug: string, now: Date): Promise<MagazineArticle[]> {
  const rows = await selectDeskArticles(db)
    .innerJoin('magazine_issue_articles as m', 'm.article_id', 'articles.id')
    .where('articles.deleted_at', 'is', null)
    .where('m.issue_slug', '=', slug)
    .orderBy('m.position')
    .execute();
  return rows.map((r) => toDeskArticle(r, now));
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
 * Contents may hold any article but a deleted draft, the newest changed
 * first: a draft placed now for next week's issue appears to readers when
 * it is published (the issue's page reads only public ones).
 */
const CANDIDATE_RULES: CandidateRules = { offer: 'undeleted', limit: CONTENTS_CANDIDATES };

/** The articles the contents editor offers, by {@link CANDIDATE_RULES}. */
export async function listContentsCandidates(db: Db, now = new Date()): Promise<MagazineArticle[]> {
  return (await listDeskCandidates(db, CANDIDATE_RULES, now)).map((r) => toDeskArticle(r, now));
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

/** Publications show on /publications from their 発売日: a save touches readers only when it was or is listed. */
export function decidePublicationInvalidation(before: { onSaleDate: string } | null, after: { onSaleDate: string }, today: string): string[] {
  return (before && before.onSaleDate <= today) || after.onSaleDate <= today ? [CACHE_TAGS.publications] : [];
}

/** The desk's tables, one a kind; both have a slug, a cover, a 発売日 and the revision columns (DeskEdits). */
export type MagazineTable = 'magazine_issues' | 'publications';
/** What every kind's input has: the cover by its /media address. */
export type MagazineInput = { coverSrc: string | null };
type Trx = Transaction<Database>;

/**
 * What makes a kind of item on the magazine desk (an issue, a MOOK or
 * special edition) for the one create and the one save below: its table,
 * its rules and columns, and what its save checks and writes besides its
 * row. The revision check, the transaction and the answer's shape are the
 * same for every kind.
 */
export type MagazineKind<T extends MagazineTable, I extends MagazineInput, F> = {
  table: T;
  /** For the log: `issue-create`, `publication-save`, … */
  name: 'issue' | 'publication';
  /** The 404's message for a slug that names none. */
  notFound: string;
  /** The route's bodies: a new item's, and a save's (with the revision the form was loaded with). */
  schemas: { create: z.ZodType<I>; save: z.ZodType<I & { baseRevision: number }> };
  /** Every reason the input cannot be saved, in the form's order (./magazine-rules.ts, which the form runs too). */
  decideProblems: (input: I) => MagazineProblem<IssueField | PublicationField>[];
  /** The input as stored: titles and blurbs trimmed. */
  normalize: (input: I) => I;
  /** A new item's address. */
  newSlug: (input: I) => string;
  /** The address after a save; throws a MagazineError for a move the kind refuses. */
  slugAfterSave: (row: Selectable<Database[T]>, input: I, today: string) => string;
  /** Throws a MagazineError when `slug` (or what it stands for) is another item's already. */
  claimSlug: (trx: Trx, slug: string, input: I) => Promise<void>;
  /** Throws a MagazineError for anything the input names that the newsroom does not have, besides the cover. */
  checkReferences: (trx: Trx, input: I) => Promise<void>;
  /** The kind's own columns. */
  toColumns: (input: I, cover: Cover) => Omit<Insertable<Database[T]>, 'slug' | 'revision' | 'updated_at' | 'updated_by'>;
  /** What readers see of it, as the invalidation compares it: before a save (read in its transaction), and after. */
  readFacts: (trx: Trx, row: Selectable<Database[T]>) => Promise<F>;
  toFacts: (slug: string, input: I, cover: Cover) => F;
  /** Writes what lives beside the row (an issue's contents), at its address after the save. */
  writeRest: (trx: Trx, slug: string, input: I) => Promise<void>;
  /** The tags whose pages the change makes old (ADR 0049). */
  decideInvalidation: (before: F | null, after: F, today: string) => string[];
};

/** A cover as both tables keep it: its address and the stored file's size. */
function toCoverColumns(cover: Cover) {
  return { cover_src: cover.src, cover_width: cover.width, cover_height: cover.height };
}

function duplicateIssue(issueDate: string): MagazineError {
  const [y, m, d] = issueDate.split('-').map(Number);
  return new MagazineError(`${y}年${m}月${d}日号はすでにあります。号の日付を確かめてください。`, 409, 'issueDate');
}

/**
 * 週刊Kiji's issues: named for their date (`/magazine/2026-12-15`), with
 * their contents; a new date renames an issue only while it is not on sale
 * (a reader's link to an issue on sale must keep working).
 */
export const ISSUES: MagazineKind<'magazine_issues', IssueInput, IssueFacts> = {
  table: 'magazine_issues',
  name: 'issue',
  notFound: MAGAZINE_MESSAGES.issueNotFound,
  schemas: { create: issueBodySchema, save: issueSaveSchema },
  decideProblems: decideIssueProblems,
  normalize: (input) => ({ ...input, featureTitle: input.featureTitle.trim(), blurb: input.blurb.trim() }),
  newSlug: (input) => input.issueDate,
  slugAfterSave: (row, input, today) => {
    if (input.issueDate === row.issue_date) return row.slug;
    if (row.on_sale_date <= today) throw new MagazineError(MAGAZINE_MESSAGES.renameOnSale, 409, 'issueDate');
    return input.issueDate;
  },
  claimSlug: async (trx, slug, input) => {
    const taken = await trx
      .selectFrom('magazine_issues')
      .select('slug')
      .where((eb) => eb.or([eb('slug', '=', slug), eb('issue_date', '=', input.issueDate)]))
      .executeTakeFirst();
    if (taken) throw duplicateIssue(input.issueDate);
  },
  checkReferences: (trx, input) => checkArticles(trx, input.articleIds),
  toColumns: (input, cover) => ({
    issue_date: input.issueDate,
    on_sale_date: input.onSaleDate,
    feature_title: input.featureTitle,
    blurb: input.blurb,
    ...toCoverColumns(cover),
  }),
  readFacts: async (trx, row) => ({
    slug: row.slug,
    issueDate: row.issue_date,
    onSaleDate: row.on_sale_date,
    featureTitle: row.feature_title,
    blurb: row.blurb,
    coverSrc: row.cover_src,
    articleIds: (await trx.selectFrom('magazine_issue_articles').select('article_id').where('issue_slug', '=', row.slug).orderBy('position').execute()).map((r) => r.article_id),
  }),
  toFacts: (slug, input, cover) => ({ slug, ...input, coverSrc: cover.src }),
  writeRest: (trx, slug, input) => writeContents(trx, slug, input.articleIds),
  decideInvalidation: decideIssueInvalidation,
};

/** MOOKs and special editions: one list page names them all, so a short random address that never changes. */
export const PUBLICATIONS: MagazineKind<'publications', PublicationInput, { onSaleDate: string }> = {
  table: 'publications',
  name: 'publication',
  notFound: MAGAZINE_MESSAGES.publicationNotFound,
  schemas: { create: publicationBodySchema, save: publicationSaveSchema },
  decideProblems: decidePublicationProblems,
  normalize: (input) => ({ ...input, title: input.title.trim(), blurb: input.blurb.trim() }),
  newSlug: () => `p-${randomBytes(5).toString('hex')}`,
  slugAfterSave: (row) => row.slug,
  claimSlug: async () => {},
  checkReferences: async () => {},
  toColumns: (input, cover) => ({
    title: input.title,
    kind: input.kind,
    blurb: input.blurb,
    on_sale_date: input.onSaleDate,
    on_sale: input.onSale ? 1 : 0,
    price_yen: input.priceYen,
    ...toCoverColumns(cover),
  }),
  readFacts: async (_, row) => ({ onSaleDate: row.on_sale_date }),
  toFacts: (_, input) => ({ onSaleDate: input.onSaleDate }),
  writeRest: async () => {},
  decideInvalidation: decidePublicationInvalidation,
};

/** A saved item's address and revision, and the tags whose pages it made old. */
export type MagazineSaved = { slug: string; revision: number; invalidate: string[] };

/**
 * Creates an item of `kind` (an issue with its cover and contents, a MOOK),
 * all or nothing. Refuses with a MagazineError (nothing written): a rule
 * broken (./magazine-rules.ts), a cover that is not a stored picture, an
 * article the newsroom does not have, an issue date that already has an
 * issue (409).
 */
export async function createMagazineItem<T extends MagazineTable, I extends MagazineInput, F>(
  db: Db,
  kind: MagazineKind<T, I, F>,
  input: I & { editorId: string },
  now = new Date(),
): Promise<MagazineSaved> {
  refuseProblems(kind.decideProblems(input));
  const item = kind.normalize(input);
  const slug = kind.newSlug(item);
  const after = await db.transaction().execute(async (trx) => {
    const cover = await findCover(trx, item.coverSrc!);
    await kind.checkReferences(trx, item);
    await kind.claimSlug(trx, slug, item);
    await trx
      .insertInto(kind.table as MagazineTable)
      .values({ slug, ...kind.toColumns(item, cover), revision: 1, updated_at: now.toISOString(), updated_by: input.editorId } as Insertable<Database[MagazineTable]>)
      .execute();
    await kind.writeRest(trx, slug, item);
    return kind.toFacts(slug, item, cover);
  });
  return { slug, revision: 1, invalidate: kind.decideInvalidation(null, after, toJstDay(now)) };
}

/**
 * Saves an item of `kind` over the revision the form was loaded with: 409
 * when another desk saved since (the form keeps its text), 404 for a slug
 * that names none; otherwise refuses as {@link createMagazineItem} does.
 */
export async function saveMagazineItem<T extends MagazineTable, I extends MagazineInput, F>(
  db: Db,
  kind: MagazineKind<T, I, F>,
  slug: string,
  input: I & { baseRevision: number; editorId: string },
  now = new Date(),
): Promise<MagazineSaved> {
  if (!isMagazineSlug(slug)) throw new MagazineError(kind.notFound, 404);
  refuseProblems(kind.decideProblems(input));
  const item = kind.normalize(input);
  const today = toJstDay(now);
  const table = kind.table as MagazineTable;
  return db.transaction().execute(async (trx) => {
    const row = (await trx.selectFrom(table).selectAll().where('slug', '=', slug).executeTakeFirst()) as (Selectable<Database[T]> & { revision: number }) | undefined;
    if (!row) throw new MagazineError(kind.notFound, 404);
    if (Number(row.revision) !== input.baseRevision) throw new MagazineError(MAGAZINE_MESSAGES.stale, 409);
    const newSlug = kind.slugAfterSave(row, item, today);
    if (newSlug !== slug) await kind.claimSlug(trx, newSlug, item);
    const cover = await findCover(trx, item.coverSrc!);
    await kind.checkReferences(trx, item);
    const before = await kind.readFacts(trx, row);
    const next = input.baseRevision + 1;
    // The revision in the condition too: of two saves that read the same row, one updates it.
    const updated = await trx
      .updateTable(table)
      .set({ slug: newSlug, ...kind.toColumns(item, cover), revision: next, updated_at: now.toISOString(), updated_by: input.editorId } as Updateable<Database[MagazineTable]>)
      .where('slug', '=', slug)
      .where('revision', '=', input.baseRevision)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new MagazineError(MAGAZINE_MESSAGES.stale, 409);
    await kind.writeRest(trx, newSlug, item);
    return { slug: newSlug, revision: next, invalidate: kind.decideInvalidation(before, kind.toFacts(newSlug, item, cover), today) };
  });
}
