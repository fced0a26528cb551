import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import {
  CommandError,
  publishArticle,
  republishArticle,
  restoreRevision,
  returnArticle,
  saveArticle,
  scheduleArticle,
  submitArticle,
  unpublishArticle,
  unscheduleArticle,
  type CommandResult,
} from './articles';
import type { ArticleDraft } from './draft';
import type { Editor } from './editors';
import { decideCommandRefusal, type ArticleCommand } from './roles';

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

/** Runs `command` on article `id` for `actor`, if their role allows it on the article as it stands. */
export async function runArticleCommand(
  db: Db,
  actor: Pick<Editor, 'id' | 'role'>,
  id: string,
  command: ArticleCommand,
  input: CommandInput,
): Promise<CommandResult> {
  const current = await db.selectFrom('articles').select('status').where('id', '=', id).executeTakeFirst();
  if (!current) throw new CommandError(404, '記事が見つかりません。');
  const refusal = decideCommandRefusal(actor.role, command, current.status);
  if (refusal) throw new CommandError(403, refusal);
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
  }
}
