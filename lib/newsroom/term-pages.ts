import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { toSearchWords } from './pictures';
import {
  decideTermDeleteRefusal,
  decideTermInvalidation,
  TERM_KIND_LABELS,
  TERM_KINDS,
  type AuthorFields,
  type SeriesFields,
  type TermFields,
  type TermKind,
  type TermUse,
  type TopicFields,
} from './term-pages-rules';

/**
 * 特集・連載・筆者 in the database (docs/adr/0050-topic-series-and-author-pages.md):
 * the lists with how many articles use each, one term for its edit page,
 * and creating, changing and deleting, each returning the cache tags whose
 * pages changed. Slugs never change: they are the reader's address and the
 * key every article link, revision and cache tag holds.
 */

type Db = Kysely<Database>;

/** A refused change, with its HTTP status and the reason in Japanese. */
export class TermPageError extends Error {
  constructor(
    readonly status: 400 | 404 | 409,
    message: string,
  ) {
    super(message);
  }
}

/** One row of a list: what the desk needs to tell terms apart and find the one to edit. */
export type TermListItem = {
  slug: string;
  name: string;
  /** A topic's or series' description, an author's 肩書き. */
  detail: string;
  sponsored: boolean;
  sponsorName: string | null;
  /** An author's portrait thumbnail; null for the rest. */
  portraitSrc: string | null;
  use: TermUse;
};

export type TermList = {
  kind: TermKind;
  items: TermListItem[];
  page: number;
  hasNext: boolean;
  /** How many terms each kind has in all, for the tabs. */
  totals: Record<TermKind, number>;
  /** How many match the search (all of the kind without one). */
  matched: number;
};

/** Rows per page of a list. Newsrooms have tens to a few thousand of each. */
export const TERMS_PER_PAGE = 50;

/** What the edit page shows: the fields as stored, the portrait's size, and the articles that use it. */
export type TermPage<K extends TermKind = TermKind> = {
  kind: K;
  slug: string;
  fields: TermFields[K];
  portrait: { src: string; width: number; height: number } | null;
  use: TermUse;
  /** A series' articles that readers see without the PR label on their cards (an article's own PR表記); 0 for the rest. */
  unlabelledArticles: number;
};

const TABLE = { topics: 'topics', series: 'series', authors: 'authors' } as const;

/** Every term of a kind with the fields the list shows (terms are few enough to sort in JavaScript, the same on both engines). */
async function readAll(db: Db, kind: TermKind): Promise<Omit<TermListItem, 'use'>[]> {
  if (kind === 'topics') {
    const rows = await db.selectFrom('topics').select(['slug', 'name', 'description']).execute();
    return rows.map((r) => ({ slug: r.slug, name: r.name, detail: r.description, sponsored: false, sponsorName: null, portraitSrc: null }));
  }
  if (kind === 'series') {
    const rows = await db.selectFrom('series').select(['slug', 'name', 'description', 'sponsored', 'sponsor_name']).execute();
    return rows.map((r) => ({ slug: r.slug, name: r.name, detail: r.description, sponsored: Number(r.sponsored) === 1, sponsorName: r.sponsor_name, portraitSrc: null }));
  }
  const rows = await db.selectFrom('authors').select(['slug', 'name', 'role', 'portrait_src']).execute();
  return rows.map((r) => ({ slug: r.slug, name: r.name, detail: r.role, sponsored: false, sponsorName: null, portraitSrc: r.portrait_src }));
}

/**
 * How many articles use each term of a kind (or only `slug`): public now,
 * and any other row (draft, submitted, scheduled, withdrawn, a deleted
 * draft), every one of which holds a link the database keeps.
 */
async function countUses(db: Db, kind: TermKind, now: Date, slug?: string): Promise<Map<string, TermUse>> {
  const at = now.toISOString();
  const isPublicNow = sql<number>`case when articles.status = 'published' and articles.published_at <= ${at} and articles.deleted_at is null then 1 else 0 end`;
  const rows =
    kind === 'series'
      ? await db
          .selectFrom('articles')
          .select((eb) => ['articles.series_slug as slug', eb.fn.sum<number>(isPublicNow).as('public'), eb.fn.countAll<number>().as('total')])
          .where('articles.series_slug', 'is not', null)
          .$if(slug !== undefined, (q) => q.where('articles.series_slug', '=', slug!))
          .groupBy('articles.series_slug')
          .execute()
      : kind === 'topics'
        ? await db
            .selectFrom('article_topics')
            .innerJoin('articles', 'articles.id', 'article_topics.article_id')
            .select((eb) => ['article_topics.topic_slug as slug', eb.fn.sum<number>(isPublicNow).as('public'), eb.fn.countAll<number>().as('total')])
            .$if(slug !== undefined, (q) => q.where('article_topics.topic_slug', '=', slug!))
            .groupBy('article_topics.topic_slug')
            .execute()
        : await db
            .selectFrom('article_authors')
            .innerJoin('articles', 'articles.id', 'article_authors.article_id')
            .select((eb) => ['article_authors.author_slug as slug', eb.fn.sum<number>(isPublicNow).as('public'), eb.fn.countAll<number>().as('total')])
            .$if(slug !== undefined, (q) => q.where('article_authors.author_slug', '=', slug!))
            .groupBy('article_authors.author_slug')
            .execute();
  return new Map(
    rows.map((r) => {
      const publicCount = Number(r.public ?? 0);
      return [String(r.slug), { public: publicCount, other: Number(r.total) - publicCount }];
    }),
  );
}

/** Whether every word of the search is in the term's name, slug or detail, as the picture library matches (case-insensitive, literal). */
function matches(item: Pick<TermListItem, 'name' | 'slug' | 'detail'>, words: string[]): boolean {
  const text = `${item.name}\n${item.slug}\n${item.detail}`.toLowerCase();
  return words.every((w) => text.includes(w.toLowerCase()));
}

/**
 * One page of a kind's list, most-read first (then by name), narrowed to
 * terms whose name, URL or description (肩書き) hold every word of `query`.
 */
export async function listTermPages(db: Db, kind: TermKind, { query = '', page = 1, now = new Date() }: { query?: string; page?: number; now?: Date } = {}): Promise<TermList> {
  const [all, uses, totals] = await Promise.all([readAll(db, kind), countUses(db, kind, now), countTerms(db)]);
  const words = toSearchWords(query);
  const none: TermUse = { public: 0, other: 0 };
  const items = all
    .filter((item) => matches(item, words))
    .map((item) => ({ ...item, use: uses.get(item.slug) ?? none }))
    .sort((a, b) => b.use.public - a.use.public || a.name.localeCompare(b.name, 'ja') || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  const last = Math.max(1, Math.ceil(items.length / TERMS_PER_PAGE));
  const current = Math.min(Math.max(1, Math.trunc(page) || 1), last);
  return {
    kind,
    items: items.slice((current - 1) * TERMS_PER_PAGE, current * TERMS_PER_PAGE),
    page: current,
    hasNext: current < last,
    totals,
    matched: items.length,
  };
}

async function countTerms(db: Db): Promise<Record<TermKind, number>> {
  const counts = await Promise.all(
    TERM_KINDS.map(async (kind) => {
      const row = await db
        .selectFrom(TABLE[kind])
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return [kind, Number(row.n)] as const;
    }),
  );
  return Object.fromEntries(counts) as Record<TermKind, number>;
}

/** One term as its edit page shows it; null for a slug the kind has not. */
export async function findTermPage<K extends TermKind>(db: Db, kind: K, slug: string, now = new Date()): Promise<TermPage<K> | null> {
  const found = await readFields(db, kind, slug);
  if (!found) return null;
  const use = (await countUses(db, kind, now, slug)).get(slug) ?? { public: 0, other: 0 };
  let unlabelledArticles = 0;
  if (kind === 'series') {
    const row = await db
      .selectFrom('articles')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('series_slug', '=', slug)
      .where('sponsored', '=', 0)
      .where('status', '=', 'published')
      .executeTakeFirstOrThrow();
    unlabelledArticles = Number(row.n);
  }
  return { kind, slug, fields: found.fields, portrait: found.portrait, use, unlabelledArticles };
}

async function readFields<K extends TermKind>(db: Db, kind: K, slug: string): Promise<{ fields: TermFields[K]; portrait: TermPage['portrait'] } | null> {
  if (kind === 'topics') {
    const row = await db.selectFrom('topics').select(['name', 'description']).where('slug', '=', slug).executeTakeFirst();
    return row ? { fields: { name: row.name, description: row.description } satisfies TopicFields as TermFields[K], portrait: null } : null;
  }
  if (kind === 'series') {
    const row = await db.selectFrom('series').select(['name', 'description', 'sponsored', 'sponsor_name']).where('slug', '=', slug).executeTakeFirst();
    if (!row) return null;
    const fields: SeriesFields = { name: row.name, description: row.description, sponsored: Number(row.sponsored) === 1, sponsorName: row.sponsor_name ?? '' };
    return { fields: fields as TermFields[K], portrait: null };
  }
  const row = await db
    .selectFrom('authors')
    .select(['name', 'role', 'profile', 'portrait_src', 'portrait_width', 'portrait_height'])
    .where('slug', '=', slug)
    .executeTakeFirst();
  if (!row) return null;
  const fields: AuthorFields = { name: row.name, role: row.role, profile: row.profile, portraitSrc: row.portrait_src };
  const portrait =
    row.portrait_src && row.portrait_width && row.portrait_height ? { src: row.portrait_src, width: Number(row.portrait_width), height: Number(row.portrait_height) } : null;
  return { fields: fields as TermFields[K], portrait };
}

/** The portrait's size from the picture library; a picture it does not hold is refused. */
async function resolvePortrait(db: Db, src: string | null): Promise<{ src: string; width: number; height: number } | null> {
  if (src === null) return null;
  const picture = await db.selectFrom('pictures').select(['src', 'width', 'height']).where('src', '=', src).executeTakeFirst();
  if (!picture) throw new TermPageError(400, '選んだ写真が写真ライブラリにありません。ライブラリから選び直してください。');
  return { src: picture.src, width: Number(picture.width), height: Number(picture.height) };
}

/** A topic's or series' name already used by another of its kind; authors may share a name (two people can). */
async function checkNameFree(db: Db, kind: TermKind, name: string, slug: string): Promise<void> {
  if (kind === 'authors') return;
  const clash = await db.selectFrom(TABLE[kind]).select('slug').where('name', '=', name).where('slug', '!=', slug).executeTakeFirst();
  if (clash) throw new TermPageError(409, `${TERM_KIND_LABELS[kind].noun}「${name}」はすでにあります(URL:${clash.slug})。別の名前にするか、そちらを編集してください。`);
}

async function writeFields<K extends TermKind>(db: Db, kind: K, slug: string, fields: TermFields[K], mode: 'insert' | 'update'): Promise<number> {
  if (kind === 'topics') {
    const f = fields as TopicFields;
    if (mode === 'insert') return insertOne(db.insertInto('topics').values({ slug, name: f.name, description: f.description }).executeTakeFirst());
    return Number((await db.updateTable('topics').set({ name: f.name, description: f.description }).where('slug', '=', slug).executeTakeFirst()).numUpdatedRows);
  }
  if (kind === 'series') {
    const f = fields as SeriesFields;
    const values = { name: f.name, description: f.description, sponsored: f.sponsored ? 1 : 0, sponsor_name: f.sponsored ? f.sponsorName : null };
    if (mode === 'insert') return insertOne(db.insertInto('series').values({ slug, ...values }).executeTakeFirst());
    return Number((await db.updateTable('series').set(values).where('slug', '=', slug).executeTakeFirst()).numUpdatedRows);
  }
  const f = fields as AuthorFields;
  const portrait = await resolvePortrait(db, f.portraitSrc);
  const values = { name: f.name, role: f.role, profile: f.profile, portrait_src: portrait?.src ?? null, portrait_width: portrait?.width ?? null, portrait_height: portrait?.height ?? null };
  if (mode === 'insert') return insertOne(db.insertInto('authors').values({ slug, ...values }).executeTakeFirst());
  return Number((await db.updateTable('authors').set(values).where('slug', '=', slug).executeTakeFirst()).numUpdatedRows);
}

async function insertOne(insert: Promise<unknown>): Promise<number> {
  try {
    await insert;
    return 1;
  } catch (error) {
    // Two desks creating the same address at once: the second is told, as if it had been there first.
    if (isConstraintViolation(error, 'unique')) return 0;
    throw error;
  }
}

/** A unique (23505) or foreign-key (23503) violation, as PostgreSQL and SQLite report them. */
function isConstraintViolation(error: unknown, kind: 'unique' | 'foreign-key'): boolean {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  return kind === 'unique'
    ? code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE'
    : code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}

const slugTaken = (kind: TermKind, slug: string) =>
  new TermPageError(409, `URL「${slug}」の${TERM_KIND_LABELS[kind].noun}はすでにあります。別のURLにするか、一覧から開いて編集してください。`);

/** Creates a term at `slug` (checked by the caller's schema); the cache tags to expire (a reader may have been shown a 404 there). */
export async function createTermPage<K extends TermKind>(db: Db, kind: K, slug: string, fields: TermFields[K]): Promise<{ invalidate: string[] }> {
  if (await readFields(db, kind, slug)) throw slugTaken(kind, slug);
  await checkNameFree(db, kind, fields.name, slug);
  if ((await writeFields(db, kind, slug, fields, 'insert')) === 0) throw slugTaken(kind, slug);
  return { invalidate: decideTermInvalidation(kind, slug, null, fields) };
}

/** Saves a term's fields; null when the kind has no such slug. The cache tags whose pages show what changed. */
export async function updateTermPage<K extends TermKind>(db: Db, kind: K, slug: string, fields: TermFields[K]): Promise<{ invalidate: string[] } | null> {
  return db.transaction().execute(async (trx) => {
    const before = await readFields(trx, kind, slug);
    if (!before) return null;
    await checkNameFree(trx, kind, fields.name, slug);
    if ((await writeFields(trx, kind, slug, fields, 'update')) === 0) return null;
    const after = await readFields(trx, kind, slug);
    return { invalidate: decideTermInvalidation(kind, slug, before.fields, after!.fields) };
  });
}

/**
 * Deletes a term no article uses; null when there is none at `slug`. One
 * that is used is refused (409) with the reason, and so is one an article
 * took up in the meantime (the database's own reference check).
 */
export async function deleteTermPage(db: Db, kind: TermKind, slug: string, now = new Date()): Promise<{ invalidate: string[] } | null> {
  const found = await readFields(db, kind, slug);
  if (!found) return null;
  const use = (await countUses(db, kind, now, slug)).get(slug) ?? { public: 0, other: 0 };
  const refusal = decideTermDeleteRefusal(kind, found.fields.name, use);
  if (refusal) throw new TermPageError(409, refusal);
  try {
    const result = await db.deleteFrom(TABLE[kind]).where('slug', '=', slug).executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) return null;
  } catch (error) {
    if (isConstraintViolation(error, 'foreign-key')) {
      throw new TermPageError(409, `${TERM_KIND_LABELS[kind].noun}「${found.fields.name}」はいま記事で使われたため削除できません。一覧を読み込み直してください。`);
    }
    throw error;
  }
  return { invalidate: decideTermInvalidation(kind, slug, found.fields, null) };
}
