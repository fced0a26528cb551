import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { CACHE_TAGS } from '../cache/tags';
import { createArticleId } from '../content/ids';
import type { ArticleStatus, Database, RevisionAction } from '../db/schema';
import { parseBody, splitPages } from '../text/markdown';
import { sanitizeBodySource } from '../text/sanitize-body';
import { checkCorrectionNotice, type RepublishKind } from './corrections';
import { isDraftStarted, listPublishProblems, parseDraft, type ArticleDraft } from './draft';
import { EDITABLE_STATUSES } from './labels';
import { recordArticlePaths } from './routing';

/**
 * The newsroom's article commands: create, save (and autosave), publish,
 * schedule, unschedule, unpublish, republish (軽微な修正, 更新, 訂正),
 * restore, delete and undelete a draft (ADR 0041), and the scheduler's
 * publishing of due pieces. Each runs in one
 * transaction, keeps a revision, and returns the cache tags whose pages
 * changed for readers, so the caller invalidates exactly those
 * (lib/newsroom/invalidate.ts).
 */

type Db = Kysely<Database>;

/** An article as the newsroom edits it. */
export type NewsroomArticle = {
  id: string;
  status: ArticleStatus;
  draft: ArticleDraft;
  /** Publication time; the scheduled time for 予約. */
  publishedAt: string | null;
  updatedAt: string | null;
  createdAt: string;
  /** The newest revision's number: saves must name it, so two editors never overwrite each other unseen. */
  revision: number;
  /** When the draft was deleted (ADR 0041); null for every article the newsroom works on. */
  deletedAt: string | null;
};

export type CommandResult = {
  article: NewsroomArticle;
  /** Cache tags to invalidate; empty when nothing readers can see changed. */
  invalidate: string[];
  /** Pieces of raw HTML or unsafe links cut from the body on save. */
  removedFromBody: number;
};

/** A refused command: an HTTP status and a message in Japanese for the editor. */
export class CommandError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A command that named an older revision than the stored one: someone else
 * saved in between (ADR 0047). A 409 like any, which the HTTP side answers
 * with what changed since `baseRevision`, so the editor can show it and keep
 * the form's text (./save-conflict.ts).
 */
export class StaleRevisionError extends CommandError {
  constructor(readonly baseRevision: number) {
    super(409, STALE_REVISION);
  }
}

const STALE_REVISION = 'ほかの編集者がこの記事を更新しました。ページを再読み込みして最新の内容を確認してください。';

/* ---------------------------------------------------------------- reading */

/**
 * An article with its topics and tags as the editor form needs them, or null.
 * A deleted draft is null too (its pages 404, its commands find nothing),
 * unless `withDeleted`: the 管理者's view of it and its undeletion.
 */
export async function loadNewsroomArticle(db: Db, id: string, { withDeleted = false }: { withDeleted?: boolean } = {}): Promise<NewsroomArticle | null> {
  const row = await db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || (row.deleted_at !== null && !withDeleted)) return null;
  const [topics, tags, authors, latest] = await Promise.all([
    db.selectFrom('article_topics').select('topic_slug').where('article_id', '=', id).orderBy('position').execute(),
    db.selectFrom('article_tags').select('tag_slug').where('article_id', '=', id).orderBy('position').execute(),
    db.selectFrom('article_authors').select('author_slug').where('article_id', '=', id).orderBy('position').execute(),
    db
      .selectFrom('article_revisions')
      .select((eb) => eb.fn.max('number').as('n'))
      .where('article_id', '=', id)
      .executeTakeFirst(),
  ]);
  const hero =
    row.hero_src && row.hero_width && row.hero_height
      ? {
          src: row.hero_src,
          width: row.hero_width,
          height: row.hero_height,
          alt: row.hero_alt ?? '',
          caption: row.hero_caption ?? '',
          credit: row.hero_credit ?? '',
        }
      : null;
  return {
    id: row.id,
    status: row.status,
    draft: {
      headline: row.headline,
      standfirst: row.standfirst ?? '',
      body: row.body,
      section: row.section_slug,
      topics: topics.map((t) => t.topic_slug),
      tags: tags.map((t) => t.tag_slug),
      hero,
      agency: row.agency_slug,
      wireCode: row.wire_code,
      breakingUntil: row.breaking_until,
      sponsored: row.sponsored === 1,
      series: row.series_slug,
      authors: authors.map((a) => a.author_slug),
      seoTitle: row.seo_title,
      seoDescription: row.seo_description,
      socialImage: row.social_src && row.social_width && row.social_height ? { src: row.social_src, width: row.social_width, height: row.social_height } : null,
    },
    publishedAt: row.published_at,
    updatedAt: row.updated_at,
    createdAt: row.created_at,
    revision: Number(latest?.n ?? 0),
    deletedAt: row.deleted_at,
  };
}

/* ------------------------------------------------------------ invalidation */

type Visibility = { public: boolean; section: string; topics: string[]; tags: string[]; series: string | null };

function toVisibility(status: ArticleStatus, publishedAt: string | null, draft: ArticleDraft, now: Date): Visibility {
  return {
    public: status === 'published' && publishedAt !== null && Date.parse(publishedAt) <= now.getTime(),
    section: draft.section,
    topics: draft.topics,
    tags: draft.tags,
    series: draft.series,
  };
}

/**
 * The cache tags a change touches: nothing when the article was and stays
 * out of public view; otherwise its own pages, the site-wide lists (home,
 * 最新記事, ticker, rankings, related, sitemaps, feeds all carry
 * `articles`), and the listing pages of every section, topic, tag and series
 * it was in before or is in after.
 */
export function decideInvalidation(id: string, before: Visibility | null, after: Visibility): string[] {
  const shown = [before, after].filter((v): v is Visibility => v?.public === true);
  if (shown.length === 0) return [];
  const tags = new Set<string>([CACHE_TAGS.article(id), CACHE_TAGS.articles]);
  for (const v of shown) {
    tags.add(CACHE_TAGS.section(v.section));
    for (const t of v.topics) tags.add(CACHE_TAGS.topic(t));
    for (const t of v.tags) tags.add(CACHE_TAGS.tag(t));
    if (v.series) tags.add(CACHE_TAGS.series(v.series));
  }
  return [...tags];
}

/* ---------------------------------------------------------------- writing */

async function checkReferences(db: Db, draft: ArticleDraft): Promise<void> {
  const missing = async (table: 'sections' | 'topics' | 'tags' | 'series' | 'agencies', slugs: string[]) => {
    if (slugs.length === 0) return false;
    const found = await db.selectFrom(table).select('slug').where('slug', 'in', slugs).execute();
    return found.length !== new Set(slugs).size;
  };
  if (await missing('sections', [draft.section])) throw new CommandError(400, 'セクションを選び直してください。');
  if (await missing('topics', draft.topics)) throw new CommandError(400, 'トピックに存在しないものがあります。');
  if (await missing('tags', draft.tags)) throw new CommandError(400, 'タグに存在しないものがあります。');
  if (draft.series && (await missing('series', [draft.series]))) throw new CommandError(400, '連載を選び直してください。');
  if (draft.agency && (await missing('agencies', [draft.agency]))) throw new CommandError(400, '配信元を選び直してください。');
  if (draft.authors.length > 0) {
    const found = await db.selectFrom('authors').select('slug').where('slug', 'in', draft.authors).execute();
    const unknown = draft.authors.filter((slug) => !found.some((f) => f.slug === slug));
    if (unknown.length > 0) throw new CommandError(400, `署名に登録されていない著者があります(${unknown.join('、')})。著者を選び直してください。`);
  }
  if (draft.hero) {
    const media = await db.selectFrom('media').select('path').where('path', '=', draft.hero.src.slice('/media/'.length)).executeTakeFirst();
    if (!media) throw new CommandError(400, '写真が見つかりません。アップロードし直してください。');
  }
  if (draft.socialImage) {
    const media = await db.selectFrom('media').select('path').where('path', '=', draft.socialImage.src.slice('/media/'.length)).executeTakeFirst();
    if (!media) throw new CommandError(400, '共有用の画像が見つかりません。選び直してください。');
  }
}

async function writeArticle(
  db: Db,
  id: string,
  draft: ArticleDraft,
  fields: { status: ArticleStatus; published_at: string | null; updated_at: string | null },
): Promise<void> {
  await db
    .updateTable('articles')
    .set({
      ...fields,
      headline: draft.headline,
      standfirst: draft.standfirst === '' ? null : draft.standfirst,
      body: draft.body,
      section_slug: draft.section,
      hero_src: draft.hero?.src ?? null,
      hero_width: draft.hero?.width ?? null,
      hero_height: draft.hero?.height ?? null,
      hero_alt: draft.hero?.alt ?? null,
      hero_caption: draft.hero?.caption || null,
      hero_credit: draft.hero?.credit || null,
      agency_slug: draft.agency,
      wire_code: draft.agency ? draft.wireCode : null,
      breaking_until: draft.breakingUntil ? new Date(draft.breakingUntil).toISOString() : null,
      sponsored: draft.sponsored ? 1 : 0,
      series_slug: draft.series,
      seo_title: draft.seoTitle,
      seo_description: draft.seoDescription,
      social_src: draft.socialImage?.src ?? null,
      social_width: draft.socialImage?.width ?? null,
      social_height: draft.socialImage?.height ?? null,
    })
    .where('id', '=', id)
    .execute();
  // The byline lives in the same link table as the seeded articles', so the
  // reader page, author pages and JSON-LD `author` read it one way.
  await db.deleteFrom('article_authors').where('article_id', '=', id).execute();
  if (draft.authors.length > 0) {
    await db
      .insertInto('article_authors')
      .values(draft.authors.map((author_slug, position) => ({ article_id: id, author_slug, position })))
      .execute();
  }
  await db.deleteFrom('article_topics').where('article_id', '=', id).execute();
  if (draft.topics.length > 0) {
    await db
      .insertInto('article_topics')
      .values(draft.topics.map((topic_slug, position) => ({ article_id: id, topic_slug, position })))
      .execute();
  }
  await db.deleteFrom('article_tags').where('article_id', '=', id).execute();
  if (draft.tags.length > 0) {
    await db
      .insertInto('article_tags')
      .values(draft.tags.map((tag_slug, position) => ({ article_id: id, tag_slug, position })))
      .execute();
  }
}

// Autosaves every few seconds would bury real revisions; within this window
// one editor's autosaves update a single revision instead.
const AUTOSAVE_COALESCE_MS = 10 * 60 * 1000;

async function addRevision(
  db: Db,
  id: string,
  action: RevisionAction,
  editorId: string | null,
  draft: ArticleDraft,
  now: Date,
  note: string | null = null,
): Promise<number> {
  const latest = await db
    .selectFrom('article_revisions')
    .select(['id', 'number', 'action', 'editor_id', 'created_at'])
    .where('article_id', '=', id)
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
  const snapshot = JSON.stringify(draft);
  if (
    action === 'autosave' &&
    latest?.action === 'autosave' &&
    latest.editor_id === editorId &&
    now.getTime() - Date.parse(latest.created_at) < AUTOSAVE_COALESCE_MS
  ) {
    await db.updateTable('article_revisions').set({ snapshot }).where('id', '=', latest.id).execute();
    return latest.number;
  }
  const number = (latest?.number ?? 0) + 1;
  await db
    .insertInto('article_revisions')
    .values({
      id: randomBytes(9).toString('base64url'),
      article_id: id,
      number,
      action,
      editor_id: editorId,
      created_at: now.toISOString(),
      snapshot,
      note,
    })
    .execute();
  return number;
}

function pageCount(body: string): number {
  return splitPages(parseBody(body)).length;
}

type Change = {
  id: string;
  editorId: string | null;
  now: Date;
  action: RevisionAction;
  /** Revision the editor's form was based on; a newer one means someone else saved in between. */
  baseRevision?: number;
  /** The editor's form; omitted = the stored content. */
  draft?: ArticleDraft;
  /** Statuses the command applies to. */
  from: readonly ArticleStatus[];
  /** Japanese message when the article is in another status. */
  wrongStatus: string;
  /** The new status and times, given the article before. */
  next: (before: NewsroomArticle) => { status: ArticleStatus; published_at: string | null; updated_at: string | null };
  requirePublishable?: boolean;
  /** A 訂正 notice (already checked) to keep with the new revision. */
  correction?: string;
  /** Kept with the revision: why the desk sent the piece back. */
  note?: string;
};

async function applyChange(db: Db, change: Change): Promise<CommandResult> {
  return db.transaction().execute(async (trx) => {
    const before = await loadNewsroomArticle(trx, change.id);
    if (!before) throw new CommandError(404, '記事が見つかりません。');
    // A stale form first: when someone else changed the status too (published the draft), what the editor needs is what they did.
    if (change.baseRevision !== undefined && change.baseRevision !== before.revision) throw new StaleRevisionError(change.baseRevision);
    if (!change.from.includes(before.status)) throw new CommandError(409, change.wrongStatus);
    let draft = change.draft ?? before.draft;
    const { body, removed } = sanitizeBodySource(draft.body);
    draft = { ...draft, body };
    if (change.draft) await checkReferences(trx, draft);
    if (change.requirePublishable) {
      const problems = listPublishProblems(draft);
      if (problems.length > 0) throw new CommandError(400, problems.join(''));
    }
    const fields = change.next(before);
    await writeArticle(trx, change.id, draft, fields);
    const revision = await addRevision(trx, change.id, change.action, change.editorId, draft, change.now, change.note ?? null);
    if (change.correction !== undefined) {
      await trx
        .insertInto('article_corrections')
        .values({
          id: randomBytes(9).toString('base64url'),
          article_id: change.id,
          revision_number: revision,
          text: change.correction,
          editor_id: change.editorId,
          created_at: change.now.toISOString(),
        })
        .execute();
    }
    const beforeVisible = toVisibility(before.status, before.publishedAt, before.draft, change.now);
    const afterVisible = toVisibility(fields.status, fields.published_at, draft, change.now);
    if (afterVisible.public) {
      await recordArticlePaths(trx, change.id, pageCount(draft.body), change.now, beforeVisible.public ? pageCount(before.draft.body) : 0);
    }
    const article = await loadNewsroomArticle(trx, change.id);
    if (!article) throw new CommandError(404, '記事が見つかりません。');
    return { article, invalidate: decideInvalidation(change.id, beforeVisible, afterVisible), removedFromBody: removed };
  });
}

const PUBLISHED_USE_REPUBLISH = '公開中の記事は「軽微な修正」「更新」「訂正」のどれかを選んで公開してください。';

const NOTHING_TYPED = '見出しか本文を入力すると保存できます。';

/**
 * Stores a new article from the editor's first save (ADR 0041): nothing is
 * written for a 新規作成 until its editor has typed something
 * (./draft.ts isDraftStarted), so an untouched editor leaves no empty
 * draft behind. `id` is the one the new editor page chose, so its preview
 * and a save racing an autosave name the same article; an id in use is 409.
 * `kind` 'live' makes a live page (ADR 0036).
 */
export async function createArticle(
  db: Db,
  input: { editorId: string; draft: ArticleDraft; id?: string; kind?: 'article' | 'live'; autosave?: boolean; now?: Date },
): Promise<CommandResult> {
  const now = input.now ?? new Date();
  if (!isDraftStarted(input.draft)) throw new CommandError(400, NOTHING_TYPED);
  const id = input.id ?? createArticleId();
  const { body, removed } = sanitizeBodySource(input.draft.body);
  const draft = { ...input.draft, body };
  await checkReferences(db, draft);
  const taken = () => new CommandError(409, 'この記事はすでに保存されています。ページを再読み込みしてください。');
  if (await db.selectFrom('articles').select('id').where('id', '=', id).executeTakeFirst()) throw taken();
  try {
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('articles')
        .values({
          id,
          status: 'draft',
          headline: '',
          body: '',
          section_slug: draft.section,
          sponsored: 0,
          kind: input.kind ?? 'article',
          standfirst: null,
          hero_src: null,
          hero_width: null,
          hero_height: null,
          hero_alt: null,
          hero_caption: null,
          hero_credit: null,
          agency_slug: null,
          wire_code: null,
          breaking_until: null,
          series_slug: null,
          published_at: null,
          updated_at: now.toISOString(),
          created_at: now.toISOString(),
        })
        .execute();
      await writeArticle(trx, id, draft, { status: 'draft', published_at: null, updated_at: now.toISOString() });
      await addRevision(trx, id, 'create', input.editorId, draft, now);
    });
  } catch (error) {
    // Two first saves of one new editor at once: the loser is told, not a 500.
    if (await db.selectFrom('articles').select('id').where('id', '=', id).executeTakeFirst()) throw taken();
    throw error;
  }
  const article = await loadNewsroomArticle(db, id);
  if (!article) throw new CommandError(404, '記事が見つかりません。');
  return { article, invalidate: [], removedFromBody: removed };
}

/** The statuses a draft can be deleted in: never public, and not yet handed to the clock (ADR 0041). */
export const DELETABLE_STATUSES: readonly ArticleStatus[] = ['draft', 'submitted'];

/**
 * Deletes a draft that was never published, by marking it: it leaves the
 * list and its pages 404, but its row and revisions stay for the 管理者
 * (ADR 0041). Like a save it names the revision the editor saw, so a draft
 * someone changed in between is not deleted unseen. Readers never saw it:
 * nothing to invalidate. Who may is ./roles.ts's decideDeleteRefusal.
 */
export async function deleteArticle(db: Db, input: { id: string; editorId: string; baseRevision: number; now?: Date }): Promise<CommandResult> {
  const now = input.now ?? new Date();
  return db.transaction().execute(async (trx) => {
    const before = await loadNewsroomArticle(trx, input.id);
    if (!before) throw new CommandError(404, '記事が見つかりません。');
    if (!DELETABLE_STATUSES.includes(before.status)) throw new CommandError(409, '削除できるのは公開したことのない下書きだけです。');
    if (input.baseRevision !== before.revision) throw new StaleRevisionError(input.baseRevision);
    await trx.updateTable('articles').set({ deleted_at: now.toISOString() }).where('id', '=', input.id).execute();
    await addRevision(trx, input.id, 'delete', input.editorId, before.draft, now);
    const article = await loadNewsroomArticle(trx, input.id, { withDeleted: true });
    if (!article) throw new CommandError(404, '記事が見つかりません。');
    return { article, invalidate: [], removedFromBody: 0 };
  });
}

/** Brings a deleted draft back to the list as it was (the 管理者's, ADR 0041). */
export async function undeleteArticle(db: Db, input: { id: string; editorId: string; now?: Date }): Promise<CommandResult> {
  const now = input.now ?? new Date();
  return db.transaction().execute(async (trx) => {
    const before = await loadNewsroomArticle(trx, input.id, { withDeleted: true });
    if (!before) throw new CommandError(404, '記事が見つかりません。');
    if (before.deletedAt === null) throw new CommandError(409, 'この記事は削除されていません。');
    await trx.updateTable('articles').set({ deleted_at: null, updated_at: now.toISOString() }).where('id', '=', input.id).execute();
    await addRevision(trx, input.id, 'undelete', input.editorId, before.draft, now);
    const article = await loadNewsroomArticle(trx, input.id);
    if (!article) throw new CommandError(404, '記事が見つかりません。');
    return { article, invalidate: [], removedFromBody: 0 };
  });
}

type EditInput = { id: string; editorId: string; draft: ArticleDraft; baseRevision: number; now?: Date };

/** Saves the editor's form to an article that is not public (draft, 予約, 非公開). */
export function saveArticle(db: Db, input: EditInput & { autosave?: boolean }): Promise<CommandResult> {
  const now = input.now ?? new Date();
  return applyChange(db, {
    ...input,
    now,
    action: input.autosave ? 'autosave' : 'save',
    from: EDITABLE_STATUSES,
    wrongStatus: PUBLISHED_USE_REPUBLISH,
    next: (b) => ({ status: b.status, published_at: b.publishedAt, updated_at: now.toISOString() }),
  });
}

/**
 * Publishes now. A withdrawn article coming back keeps its first publication
 * time, and its updated time moves (readers see 更新).
 */
export function publishArticle(db: Db, input: Omit<EditInput, 'draft'> & { draft?: ArticleDraft }): Promise<CommandResult> {
  const now = input.now ?? new Date();
  return applyChange(db, {
    ...input,
    now,
    action: 'publish',
    from: EDITABLE_STATUSES,
    wrongStatus: 'この記事はすでに公開されています。',
    requirePublishable: true,
    next: (b) => ({
      status: 'published',
      published_at: b.status === 'unpublished' && b.publishedAt ? b.publishedAt : now.toISOString(),
      updated_at: now.toISOString(),
    }),
  });
}

/**
 * A 記者 hands the piece to the desk: 提出済み, saved with the form as it
 * stands, and complete enough to publish (the desk should not receive a
 * piece with no headline). Never public (ADR 0032).
 */
export function submitArticle(db: Db, input: Omit<EditInput, 'draft'> & { draft?: ArticleDraft }): Promise<CommandResult> {
  const now = input.now ?? new Date();
  return applyChange(db, {
    ...input,
    now,
    action: 'submit',
    from: ['draft'],
    wrongStatus: '提出できるのは下書きの記事だけです。',
    requirePublishable: true,
    next: () => ({ status: 'submitted', published_at: null, updated_at: now.toISOString() }),
  });
}

/** The longest note a piece is sent back with. */
export const RETURN_NOTE_MAX = 1000;

/** The desk sends a submitted piece back to draft, with a note for its writer kept in the revisions. */
export function returnArticle(db: Db, input: { id: string; editorId: string; note: string; now?: Date }): Promise<CommandResult> {
  const now = input.now ?? new Date();
  const note = input.note.trim();
  if (note === '' || note.length > RETURN_NOTE_MAX) {
    return Promise.reject(new CommandError(400, `差し戻しの理由を1〜${RETURN_NOTE_MAX}文字で書いてください。`));
  }
  return applyChange(db, {
    ...input,
    now,
    note,
    action: 'return',
    from: ['submitted'],
    wrongStatus: '差し戻せるのは提出済みの記事だけです。',
    next: () => ({ status: 'draft', published_at: null, updated_at: now.toISOString() }),
  });
}

/** The furthest ahead a piece can be scheduled. */
const MAX_SCHEDULE_AHEAD_MS = 366 * 24 * 60 * 60 * 1000;

/** Schedules publication at `at` (any instant; the form reads it as JST). */
export function scheduleArticle(
  db: Db,
  input: Omit<EditInput, 'draft'> & { draft?: ArticleDraft; at: Date },
): Promise<CommandResult> {
  const now = input.now ?? new Date();
  if (Number.isNaN(input.at.getTime()) || input.at.getTime() <= now.getTime()) {
    return Promise.reject(new CommandError(400, '予約日時は現在より後にしてください。'));
  }
  if (input.at.getTime() - now.getTime() > MAX_SCHEDULE_AHEAD_MS) {
    return Promise.reject(new CommandError(400, '予約できるのは1年先までです。'));
  }
  return applyChange(db, {
    ...input,
    now,
    action: 'schedule',
    from: EDITABLE_STATUSES,
    wrongStatus: '公開中の記事は予約できません。先に公開を取り下げてください。',
    requirePublishable: true,
    next: () => ({ status: 'scheduled', published_at: input.at.toISOString(), updated_at: now.toISOString() }),
  });
}

/** Cancels a schedule: back to draft. */
export function unscheduleArticle(db: Db, input: { id: string; editorId: string; now?: Date }): Promise<CommandResult> {
  const now = input.now ?? new Date();
  return applyChange(db, {
    ...input,
    now,
    action: 'unschedule',
    from: ['scheduled'],
    wrongStatus: 'この記事は予約されていません。',
    next: () => ({ status: 'draft', published_at: null, updated_at: now.toISOString() }),
  });
}

/** Withdraws a published article: readers get 410 Gone from now on. */
export function unpublishArticle(db: Db, input: { id: string; editorId: string; now?: Date }): Promise<CommandResult> {
  const now = input.now ?? new Date();
  return applyChange(db, {
    ...input,
    now,
    action: 'unpublish',
    from: ['published'],
    wrongStatus: 'この記事は公開されていません。',
    next: (b) => ({ status: 'unpublished', published_at: b.publishedAt, updated_at: b.updatedAt }),
  });
}

const REPUBLISH_WRONG_STATUS: Record<RepublishKind, string> = {
  fix: '軽微な修正を公開できるのは公開中の記事だけです。',
  update: '更新を公開できるのは公開中の記事だけです。',
  correct: '訂正できるのは公開中の記事だけです。',
};

/**
 * Republishes a live article with the editor's form, as one of three kinds
 * (ADR 0034): 軽微な修正 (`fix`) keeps the updated time, so readers see no
 * 更新 and `dateModified` stays; 更新 (`update`) moves it; 訂正
 * (`correct`) moves it and keeps `notice`, dated now, which readers see on
 * the article, in its JSON-LD and in its feed item. All three invalidate
 * the same pages: the text changed either way. A 訂正 without a notice is
 * refused (400) before anything is written.
 */
export function republishArticle(db: Db, input: EditInput & { kind: RepublishKind; notice?: string }): Promise<CommandResult> {
  const now = input.now ?? new Date();
  let correction: string | undefined;
  if (input.kind === 'correct') {
    const checked = checkCorrectionNotice(input.notice);
    if (!checked.ok) return Promise.reject(new CommandError(400, checked.error));
    correction = checked.text;
  }
  return applyChange(db, {
    ...input,
    now,
    action: input.kind,
    from: ['published'],
    wrongStatus: REPUBLISH_WRONG_STATUS[input.kind],
    requirePublishable: true,
    correction,
    next: (b) => ({ status: 'published', published_at: b.publishedAt, updated_at: input.kind === 'fix' ? b.updatedAt : now.toISOString() }),
  });
}

/**
 * Brings back an earlier revision's content: saved as the draft of an
 * article that is not public, or republished as an 更新 of a live one (its
 * updated time moves; a 訂正 notice, if one is due, is a separate step).
 */
export async function restoreRevision(
  db: Db,
  input: { id: string; editorId: string; number: number; baseRevision: number; now?: Date },
): Promise<CommandResult> {
  const now = input.now ?? new Date();
  const [revision, current, byline] = await Promise.all([
    db
      .selectFrom('article_revisions')
      .select('snapshot')
      .where('article_id', '=', input.id)
      .where('number', '=', input.number)
      .executeTakeFirst(),
    db.selectFrom('articles').select('status').where('id', '=', input.id).executeTakeFirst(),
    db.selectFrom('article_authors').select('author_slug').where('article_id', '=', input.id).orderBy('position').execute(),
  ]);
  if (!revision || !current) throw new CommandError(404, '版が見つかりません。');
  const snapshot: unknown = JSON.parse(revision.snapshot);
  const parsed = parseDraft(snapshot);
  if (!parsed.ok) throw new CommandError(409, `この版は今の形式に合わないため戻せません(${parsed.error})。`);
  // A version saved before bylines were editable (ADR 0035) says nothing
  // about its byline: restoring it keeps today's rather than erasing it.
  if (typeof snapshot === 'object' && snapshot !== null && !('authors' in snapshot)) {
    parsed.draft.authors = byline.map((b) => b.author_slug);
  }
  const live = current.status === 'published';
  return applyChange(db, {
    ...input,
    now,
    draft: parsed.draft,
    action: 'restore',
    from: live ? ['published'] : EDITABLE_STATUSES,
    wrongStatus: 'もう一度お試しください。',
    requirePublishable: live,
    next: (b) =>
      live
        ? { status: 'published', published_at: b.publishedAt, updated_at: now.toISOString() }
        : { status: b.status, published_at: b.publishedAt, updated_at: now.toISOString() },
  });
}

/**
 * Publishes every scheduled article whose time has come (also those whose
 * time passed while the server was down). Safe with several instances: an
 * article is published by whichever instance flips its status first.
 */
export async function publishDueArticles(db: Db, now = new Date()): Promise<{ published: string[]; invalidate: string[] }> {
  const due = await db
    .selectFrom('articles')
    .select('id')
    .where('status', '=', 'scheduled')
    .where('published_at', '<=', now.toISOString())
    .orderBy('published_at')
    .execute();
  const published: string[] = [];
  const tags = new Set<string>();
  for (const { id } of due) {
    const result = await db.transaction().execute(async (trx) => {
      const before = await loadNewsroomArticle(trx, id);
      if (!before || before.status !== 'scheduled' || !before.publishedAt) return null;
      const flipped = await trx
        .updateTable('articles')
        // Published at the scheduled time, not when the tick noticed; no 更新.
        .set({ status: 'published', updated_at: before.publishedAt })
        .where('id', '=', id)
        .where('status', '=', 'scheduled')
        .executeTakeFirst();
      if (Number(flipped.numUpdatedRows) !== 1) return null;
      await addRevision(trx, id, 'publish', null, before.draft, now);
      await recordArticlePaths(trx, id, pageCount(before.draft.body), now);
      return decideInvalidation(id, null, toVisibility('published', before.publishedAt, before.draft, now));
    });
    if (result) {
      published.push(id);
      for (const t of result) tags.add(t);
    }
  }
  return { published, invalidate: [...tags] };
}

/** When the next scheduled article is due, or null when none is. */
export async function findNextDue(db: Db): Promise<Date | null> {
  const row = await db
    .selectFrom('articles')
    .select((eb) => eb.fn.min('published_at').as('at'))
    .where('status', '=', 'scheduled')
    .executeTakeFirst();
  const at = row?.at as string | null | undefined;
  return at ? new Date(at) : null;
}
