import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import {
  CommandError,
  deleteArticle,
  publishArticle,
  republishArticle,
  restoreRevision,
  returnArticle,
  saveArticle,
  scheduleArticle,
  StaleRevisionError,
  submitArticle,
  unpublishArticle,
  undeleteArticle,
  unscheduleArticle,
  type CommandResult,
} from './articles';
import type { ArticleDraft } from './draft';
import type { Editor } from './editors';
import { ARTICLE_STATUSES } from './labels';
import { decideCommandRefusal, decideDeleteRefusal, type ArticleCommand, type DeletionFacts } from './roles';

/**
 * The one place an article command meets the role of whoever asks for it
 * (ADR 0032): the article's status is read, the role checked against it
 * (403 with the reason in Japanese), and only then the command runs. Route
 * handlers reach commands only through here, so hiding a button is never
 * the only thing that stops a 記者 from publishing.
 *
 * The status is read before the command's own transaction. That is safe:
 * a 記者's commands (save, submit, restore) all name the revision their form
 * was based on, and every status change writes a revision, so a status that
 * changed in between makes the command fail with 409.
 */

type Db = Kysely<Database>;

export type CommandInput = {
  draft?: ArticleDraft;
  baseRevision?: number;
  autosave?: boolean;
  /** 予約: when to publish. */
  at?: Date;
  /** 版から復元: which revision. */
  number?: number;
  /** 差し戻し: why. */
  note?: string;
  /** 訂正: the notice readers are shown (ADR 0034). */
  notice?: string;
  now?: Date;
};

const BAD_INPUT = '入力内容を確認してください。';

function need<T>(value: T | undefined): T {
  if (value === undefined) throw new CommandError(400, BAD_INPUT);
  return value;
}

/**
 * What decides whether `actorId` may delete article `id` (./roles.ts), or
 * null for an unknown or already deleted one.
 */
export async function readDeletionFacts(db: Db, id: string, actorId: string): Promise<DeletionFacts | null> {
  const [row, first, published] = await Promise.all([
    db.selectFrom('articles').select(['status', 'deleted_at']).where('id', '=', id).executeTakeFirst(),
    db.selectFrom('article_revisions').select('editor_id').where('article_id', '=', id).orderBy('number').limit(1).executeTakeFirst(),
    db.selectFrom('article_revisions').select('id').where('article_id', '=', id).where('action', '=', 'publish').limit(1).executeTakeFirst(),
  ]);
  if (!row || row.deleted_at !== null) return null;
  return { status: row.status, own: first?.editor_id === actorId, everPublished: published !== undefined };
}

/** Whether the article has a newer revision than `baseRevision`. */
async function isStale(db: Db, id: string, baseRevision: number): Promise<boolean> {
  const latest = await db.selectFrom('article_revisions').select((eb) => eb.fn.max('number').as('n')).where('article_id', '=', id).executeTakeFirst();
  return Number(latest?.n ?? 0) !== baseRevision;
}

/** Runs `command` on article `id` for `actor`, if their role allows it on the article as it stands. */
export async function runArticleCommand(
  db: Db,
  actor: Pick<Editor, 'id' | 'role'>,
  id: string,
  command: ArticleCommand,
  input: CommandInput,
): Promise<CommandResult> {
  const current = await db.selectFrom('articles').select(['status', 'deleted_at']).where('id', '=', id).executeTakeFirst();
  // A deleted draft is gone for every command but the 管理者's undelete (ADR 0041).
  if (!current || (current.deleted_at !== null && command !== 'undelete')) throw new CommandError(404, '記事が見つかりません。');
  if (command === 'delete') {
    // Whose draft it is and whether it ever went public decide, besides the role.
    const facts = await readDeletionFacts(db, id, actor.id);
    if (!facts) throw new CommandError(404, '記事が見つかりません。');
    const deletion = decideDeleteRefusal(actor.role, facts);
    if (deletion) throw new CommandError(deletion.status, deletion.message);
  } else {
    const refusal = decideCommandRefusal(actor.role, command, current.status);
    // Refused only for a status someone else gave the piece after the form was loaded (the desk published the
    // 記者's draft): a conflict to show (ADR 0047). A command the role may never run stays a 403 whatever it names.
    const statusOnly = refusal !== null && ARTICLE_STATUSES.some((s) => decideCommandRefusal(actor.role, command, s) === null);
    if (statusOnly && input.baseRevision !== undefined && (await isStale(db, id, input.baseRevision))) throw new StaleRevisionError(input.baseRevision);
    if (refusal) throw new CommandError(403, refusal);
  }
  const editorId = actor.id;
  const { now } = input;
  switch (command) {
    case 'save':
      return saveArticle(db, { id, editorId, draft: need(input.draft), baseRevision: need(input.baseRevision), autosave: input.autosave, now });
    case 'submit':
      return submitArticle(db, { id, editorId, draft: input.draft, baseRevision: need(input.baseRevision), now });
    case 'return':
      return returnArticle(db, { id, editorId, note: input.note ?? '', now });
    case 'publish':
      return publishArticle(db, { id, editorId, draft: input.draft, baseRevision: need(input.baseRevision), now });
    case 'schedule':
      if (!input.at) throw new CommandError(400, '予約日時を入力してください。');
      return scheduleArticle(db, { id, editorId, draft: input.draft, baseRevision: need(input.baseRevision), at: input.at, now });
    case 'unschedule':
      return unscheduleArticle(db, { id, editorId, now });
    case 'unpublish':
      return unpublishArticle(db, { id, editorId, now });
    case 'fix':
    case 'update':
    case 'correct':
      return republishArticle(db, { id, editorId, draft: need(input.draft), baseRevision: need(input.baseRevision), kind: command, notice: input.notice, now });
    case 'restore':
      return restoreRevision(db, { id, editorId, number: need(input.number), baseRevision: need(input.baseRevision), now });
    case 'delete':
      return deleteArticle(db, { id, editorId, baseRevision: need(input.baseRevision), now });
    case 'undelete':
      return undeleteArticle(db, { id, editorId, now });
  }
}
