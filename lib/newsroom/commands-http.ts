import 'server-only';
import { after } from 'next/server';
import { z } from 'zod';
import { isArticleId } from '../content/ids';
import { runArticleCommand } from './article-commands';
import { CommandError, createArticle, StaleRevisionError, type CommandResult, type NewsroomArticle } from './articles';
import { getNewsroomContext } from './context';
import { parseDraft, type ArticleDraft } from './draft';
import { BODY_LIMITS, MESSAGES, jsonError, jsonOk, toErrorResponse } from './http';
import { readMutation } from './mutation';
import { invalidateTags } from './invalidate';
import { refreshRouting } from './routing';
import { describeSaveConflict } from './save-conflict';
import { wakeScheduler } from './scheduler';
import { isArticleCommand, type ArticleCommand } from './roles';
import { refreshAfterInvalidation } from './warm';
import { logger } from '../log';

/**
 * The HTTP side of the article commands (app/api/newsroom/articles/[id]/…):
 * guard, validate, run the command, invalidate exactly what it touched,
 * refresh the 410/301 snapshot, answer with the article as it now stands.
 */

export type { ArticleCommand } from './roles';

const envelope = z.object({
  draft: z.unknown().optional(),
  baseRevision: z.number().int().min(0).optional(),
  autosave: z.boolean().optional(),
  at: z.iso.datetime({ offset: true }).optional(),
  number: z.number().int().min(1).optional(),
  /** The 訂正 notice readers are shown (`correct` only); checked by the command. */
  notice: z.string().max(20_000).optional(),
  note: z.string().max(4000).optional(),
});

/** What the editor needs back after a command. */
export type CommandAnswer = {
  article: Pick<NewsroomArticle, 'id' | 'status' | 'draft' | 'publishedAt' | 'updatedAt' | 'revision'>;
  removedFromBody: number;
};

function toAnswer(result: CommandResult): CommandAnswer {
  const { id, status, draft, publishedAt, updatedAt, revision } = result.article;
  return { article: { id, status, draft, publishedAt, updatedAt, revision }, removedFromBody: result.removedFromBody };
}

const DONE: Record<ArticleCommand, string> = {
  save: 'article saved',
  submit: 'article submitted',
  return: 'article returned to draft',
  publish: 'article published',
  schedule: 'article scheduled',
  unschedule: 'article unscheduled',
  unpublish: 'article unpublished',
  fix: 'article fixed',
  update: 'article updated',
  correct: 'article corrected',
  restore: 'article revision restored',
  delete: 'draft deleted',
  undelete: 'deleted draft restored',
};

/** What an editor did to which article, by account id; saves (and autosaves, every few seconds) only at debug. */
function logCommand(command: ArticleCommand, result: CommandResult, editorId: string, autosave = false): void {
  const { id, status, revision, publishedAt } = result.article;
  const fields = { command, articleId: id, editorId, status, revision, ...(command === 'schedule' ? { publishAt: publishedAt } : {}), tags: result.invalidate };
  if (command === 'save') logger('newsroom').debug({ ...fields, autosave }, DONE[command]);
  else logger('newsroom').info(fields, DONE[command]);
}

const creation = z.object({
  draft: z.unknown(),
  /** The id the new editor page chose (ADR 0041); another is made when none is sent. */
  id: z.string().optional(),
  kind: z.enum(['article', 'live']).optional(),
  autosave: z.boolean().optional(),
});

/**
 * 新規作成's first save (POST /api/newsroom/articles, ADR 0041): stores the
 * new article once its editor has typed something, and answers 201 with it
 * as a save does. Every role may write.
 */
export async function handleCreateArticle(request: Request): Promise<Response> {
  const read = await readMutation(request, { limit: BODY_LIMITS.article, schema: creation, invalid: () => MESSAGES.badInput });
  if (!read.ok) return read.response;
  const { id, kind, autosave } = read.input;
  if (id !== undefined && !isArticleId(id)) return jsonError(400, MESSAGES.badInput);
  const checked = parseDraft(read.input.draft);
  if (!checked.ok) return jsonError(400, checked.error);
  const { editor } = read.signedIn;
  const { db } = await getNewsroomContext();
  try {
    const result = await createArticle(db, { editorId: editor.id, draft: checked.draft, id, kind, autosave });
    logger('newsroom').info({ command: 'create', articleId: result.article.id, editorId: editor.id, kind: kind ?? 'article', autosave: autosave ?? false }, 'article created');
    return jsonOk(toAnswer(result), { status: 201 });
  } catch (error) {
    return toErrorResponse(error);
  }
}

/** Runs one article command for a request; every failure is a 4xx with a Japanese message. */
export async function handleArticleCommand(request: Request, id: string, command: string): Promise<Response> {
  const read = await readMutation(request, {
    limit: BODY_LIMITS.article,
    schema: envelope,
    unknown: () => (!isArticleCommand(command) ? '不明な操作です。' : !isArticleId(id) ? MESSAGES.notFound : null),
    invalid: () => MESSAGES.badInput,
  });
  if (!read.ok) return read.response;
  // `unknown` above has refused anything else; TypeScript cannot see through the closure.
  if (!isArticleCommand(command)) return jsonError(404, '不明な操作です。');
  const { input, signedIn } = read;

  let draft: ArticleDraft | undefined;
  if (input.draft !== undefined) {
    const checked = parseDraft(input.draft);
    if (!checked.ok) return jsonError(400, checked.error);
    draft = checked.draft;
  }
  const { db, settings } = await getNewsroomContext();
  const editorId = signedIn.editor.id;
  try {
    // The role is checked there, against the article as it stands (ADR 0032).
    const result = await runArticleCommand(db, signedIn.editor, id, command, {
      draft,
      baseRevision: input.baseRevision,
      autosave: input.autosave,
      at: input.at ? new Date(input.at) : undefined,
      number: input.number,
      note: input.note,
      notice: input.notice,
    });
    await invalidateTags(db, result.invalidate, undefined, { expire: command === 'unpublish' ? 'now' : 'stale' });
    // After the editor has the answer: re-render what readers will open next.
    after(() => refreshAfterInvalidation(settings.internalUrl, result.invalidate));
    if (command === 'publish' || command === 'unpublish' || command === 'fix' || command === 'update' || command === 'correct' || command === 'restore') await refreshRouting(db);
    if (command === 'schedule' || command === 'unschedule') wakeScheduler();
    logCommand(command, result, editorId, input.autosave);
    return jsonOk(toAnswer(result));
  } catch (error) {
    // Someone else saved first (ADR 0047): the editor gets their version and what they changed, to keep its own text and choose.
    if (error instanceof StaleRevisionError) {
      const conflict = await describeSaveConflict(db, { id, baseRevision: error.baseRevision, viewerId: editorId, draft });
      return conflict ? jsonError(409, error.message, {}, { conflict }) : jsonError(404, MESSAGES.notFound);
    }
    // A refusal by role is what a forged request (or a stale page after a change of role) gets: worth a line in the log.
    if (error instanceof CommandError && error.status === 403) {
      logger('newsroom').warn({ command, articleId: id, editorId, role: signedIn.editor.role }, 'article command refused by role');
    }
    return toErrorResponse(error);
  }
}
