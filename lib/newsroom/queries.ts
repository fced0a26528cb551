import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { ArticleStatus, Database, RevisionAction } from '../db/schema';
import { toLiveCoverageState, type LiveCoverageState } from '../live/shape';

/** Reads only the newsroom makes: every status, never cached. */

type Db = Kysely<Database>;

export const NEWSROOM_PAGE_SIZE = 50;

export type NewsroomListItem = {
  id: string;
  headline: string;
  status: ArticleStatus;
  section: { slug: string; name: string };
  publishedAt: string | null;
  updatedAt: string | null;
  breaking: boolean;
  /** A live page's coverage (ADR 0036), for its 「ライブ」 chip; null for an ordinary article. */
  live: LiveCoverageState | null;
  /** Who created it and who last changed it (display names); null when not known (the demo's articles, a deleted account). */
  author: string | null;
  lastEditor: string | null;
  /** When it was deleted: set only in the 管理者's 削除済み list (ADR 0041). */
  deletedAt: string | null;
};

/**
 * `who`: a login; the articles that account created or was the last to
 * change. `deleted`: the deleted drafts instead of the rest (the 管理者's
 * 削除済み, ADR 0041); the caller decides who may ask.
 */
export type NewsroomListFilter = { status?: ArticleStatus; section?: string; q?: string; who?: string; deleted?: boolean; page: number };

/**
 * The account behind an article's first revision (its creation) or its
 * newest revision by an editor (the scheduler's publishing has none), as
 * `column` of editors. The revisions already say who did what; an indexed
 * lookup per article (`article_revisions_number`) costs less than keeping
 * two more columns on every article in step.
 */
function revisionEditor(eb: ExpressionBuilder<Database, 'articles'>, which: 'first' | 'last', column: 'name' | 'login') {
  return eb
    .selectFrom('article_revisions as r')
    .innerJoin('editors as e', 'e.id', 'r.editor_id')
    .select(`e.${column}` as const)
    .whereRef('r.article_id', '=', 'articles.id')
    .orderBy('r.number', which === 'first' ? 'asc' : 'desc')
    .limit(1);
}

/** `%` and `_` in a search are letters, not wildcards. */
function toLikePattern(q: string): string {
  return `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The article list: newest edit first, filtered by status, section and words in the headline. */
export async function listNewsroomArticles(
  db: Db,
  filter: NewsroomListFilter,
  now = new Date(),
): Promise<{ items: NewsroomListItem[]; page: number; totalPages: number; totalItems: number }> {
  const q = filter.q?.trim();
  const base = db
    .selectFrom('articles')
    .where('articles.deleted_at', filter.deleted ? 'is not' : 'is', null)
    .$if(filter.status !== undefined, (qb) => qb.where('articles.status', '=', filter.status!))
    .$if(Boolean(filter.section), (qb) => qb.where('articles.section_slug', '=', filter.section!))
    .$if(Boolean(filter.who), (qb) =>
      qb.where((eb) => eb.or([eb(revisionEditor(eb, 'first', 'login'), '=', filter.who!), eb(revisionEditor(eb, 'last', 'login'), '=', filter.who!)])),
    )
    // lower() on both sides: PostgreSQL's LIKE is case-sensitive, SQLite's is not.
    .$if(Boolean(q), (qb) => qb.where(sql<boolean>`lower(articles.headline) like ${toLikePattern(q ?? '')} escape '\\'`));
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const totalItems = Number(n);
  const totalPages = Math.max(1, Math.ceil(totalItems / NEWSROOM_PAGE_SIZE));
  const page = Math.min(Math.max(1, filter.page), totalPages);
  const rows = await base
    .innerJoin('sections', 'sections.slug', 'articles.section_slug')
    .select([
      'articles.id',
      'articles.headline',
      'articles.status',
      'articles.section_slug',
      'sections.name as section_name',
      'articles.published_at',
      'articles.updated_at',
      'articles.breaking_until',
      'articles.kind',
      'articles.live_started_at',
      'articles.live_ended_at',
      'articles.deleted_at',
      (eb) => revisionEditor(eb, 'first', 'name').as('author'),
      (eb) => revisionEditor(eb, 'last', 'name').as('last_editor'),
    ])
    .orderBy('articles.updated_at', 'desc')
    .orderBy('articles.id')
    .limit(NEWSROOM_PAGE_SIZE)
    .offset((page - 1) * NEWSROOM_PAGE_SIZE)
    .execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      headline: r.headline,
      status: r.status,
      section: { slug: r.section_slug, name: r.section_name },
      publishedAt: r.published_at,
      updatedAt: r.updated_at,
      breaking: r.breaking_until !== null && Date.parse(r.breaking_until) > now.getTime(),
      live: toLiveCoverageState(r),
      author: r.author ?? null,
      lastEditor: r.last_editor ?? null,
      deletedAt: r.deleted_at,
    })),
    page,
    totalPages,
    totalItems,
  };
}

/** How many articles are in each status, for the list's tabs; deleted drafts are not counted (see countDeleted). */
export async function countByStatus(db: Db): Promise<Record<ArticleStatus, number>> {
  const rows = await db
    .selectFrom('articles')
    .where('deleted_at', 'is', null)
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute();
  const counts: Record<ArticleStatus, number> = { draft: 0, submitted: 0, scheduled: 0, published: 0, unpublished: 0 };
  for (const r of rows) counts[r.status] = Number(r.n);
  return counts;
}

/** How many drafts are deleted, for the 管理者's 削除済み tab. */
export async function countDeleted(db: Db): Promise<number> {
  const row = await db
    .selectFrom('articles')
    .where('deleted_at', 'is not', null)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export type TaxonomyOptions = {
  sections: { slug: string; name: string }[];
  topics: { slug: string; name: string }[];
  tags: { slug: string; name: string; kind: string }[];
  series: { slug: string; name: string; sponsored: boolean }[];
  agencies: { slug: string; name: string }[];
  /** Who can be in a byline: the authors with a page of their own. */
  authors: { slug: string; name: string; role: string }[];
};

/** Everything the editor form offers to pick from. */
export async function listTaxonomyOptions(db: Db): Promise<TaxonomyOptions> {
  const [sections, topics, tags, series, agencies, authors] = await Promise.all([
    db.selectFrom('sections').select(['slug', 'name']).orderBy('position').execute(),
    db.selectFrom('topics').select(['slug', 'name']).orderBy('name').execute(),
    db.selectFrom('tags').select(['slug', 'name', 'kind']).orderBy('kind').orderBy('name').execute(),
    db.selectFrom('series').select(['slug', 'name', 'sponsored']).orderBy('name').execute(),
    db.selectFrom('agencies').select(['slug', 'name']).orderBy('name').execute(),
    db.selectFrom('authors').select(['slug', 'name', 'role']).orderBy('slug').execute(),
  ]);
  return { sections, topics, tags, series: series.map((s) => ({ ...s, sponsored: s.sponsored === 1 })), agencies, authors };
}

export type RevisionListItem = {
  number: number;
  action: RevisionAction;
  editorName: string | null;
  createdAt: string;
  headline: string;
  /** The 訂正 notice published with this revision, if it was one (ADR 0034). */
  correction: string | null;
  /** Why the desk sent the piece back (action `return`). */
  note: string | null;
};

/** An article's revisions, newest first. */
export async function listRevisions(db: Db, articleId: string): Promise<RevisionListItem[]> {
  const rows = await db
    .selectFrom('article_revisions')
    .leftJoin('editors', 'editors.id', 'article_revisions.editor_id')
    .leftJoin('article_corrections', (join) =>
      join
        .onRef('article_corrections.article_id', '=', 'article_revisions.article_id')
        .onRef('article_corrections.revision_number', '=', 'article_revisions.number'),
    )
    .select([
      'article_revisions.number',
      'article_revisions.action',
      'article_revisions.created_at',
      'article_revisions.snapshot',
      'article_revisions.note',
      'editors.name as editor_name',
      'article_corrections.text as correction',
    ])
    .where('article_revisions.article_id', '=', articleId)
    .orderBy('article_revisions.number', 'desc')
    .execute();
  return rows.map((r) => {
    let headline = '';
    try {
      headline = String((JSON.parse(r.snapshot) as { headline?: unknown }).headline ?? '');
    } catch {
      // A damaged snapshot still lists, untitled.
    }
    return { number: r.number, action: r.action, editorName: r.editor_name, createdAt: r.created_at, headline, correction: r.correction, note: r.note };
  });
}

/** The newest note the desk sent this article back with, if its last status change was a 差し戻し. */
export async function findReturnNote(db: Db, articleId: string): Promise<{ note: string; by: string | null; at: string } | null> {
  const row = await db
    .selectFrom('article_revisions')
    .leftJoin('editors', 'editors.id', 'article_revisions.editor_id')
    .select(['article_revisions.action', 'article_revisions.note', 'article_revisions.created_at', 'editors.name'])
    .where('article_revisions.article_id', '=', articleId)
    .where('article_revisions.action', 'not in', ['save', 'autosave', 'restore'])
    .orderBy('article_revisions.number', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (row?.action !== 'return' || !row.note) return null;
  return { note: row.note, by: row.name, at: row.created_at };
}

/** One revision with its content, to view or compare (ADR 0041). `snapshot` is the stored JSON, parsed by the caller. */
export type StoredRevision = { number: number; action: RevisionAction; editorName: string | null; createdAt: string; snapshot: unknown };

/** Revisions `numbers` of an article, in the order asked; a number it does not have is left out. */
export async function findRevisions(db: Db, articleId: string, numbers: number[]): Promise<StoredRevision[]> {
  if (numbers.length === 0) return [];
  const rows = await db
    .selectFrom('article_revisions')
    .leftJoin('editors', 'editors.id', 'article_revisions.editor_id')
    .select(['article_revisions.number', 'article_revisions.action', 'article_revisions.created_at', 'article_revisions.snapshot', 'editors.name as editor_name'])
    .where('article_revisions.article_id', '=', articleId)
    .where('article_revisions.number', 'in', numbers)
    .execute();
  return numbers.flatMap((n) => {
    const r = rows.find((row) => row.number === n);
    if (!r) return [];
    let snapshot: unknown = null;
    try {
      snapshot = JSON.parse(r.snapshot);
    } catch {
      // A damaged snapshot is shown as empty, not as a 500.
    }
    return [{ number: r.number, action: r.action, editorName: r.editor_name, createdAt: r.created_at, snapshot }];
  });
}
