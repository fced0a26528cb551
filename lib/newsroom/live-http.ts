import 'server-only';
import { after } from 'next/server';
import { z } from 'zod';
import { isArticleId } from '../content/ids';
import { forgetLiveStream, isLiveCommand, runLiveCommand, type LiveCommand } from '../live';
import { logger } from '../log';
import { getNewsroomContext } from './context';
import { BODY_LIMITS, jsonError, jsonOk, MESSAGES, toErrorResponse } from './http';
import { invalidateTags } from './invalidate';
import { readMutation } from './mutation';
import { refreshAfterInvalidation } from './warm';

/**
 * The HTTP side of the live page's commands
 * (POST /api/newsroom/articles/{id}/live/{post|edit|delete|pin|unpin|end},
 * ADR 0036): the same guard as every article command (same origin, signed
 * in, CSRF token), then the command, whose role check comes first; then the
 * tags the command names are invalidated (the stream's; the listings too
 * when the card changes, ADR 0039), so the cached page and the endpoint
 * readers poll carry the change.
 */

const envelope = z.object({
  postId: z.string().max(16).optional(),
  headline: z.string().max(1_000).nullable().optional(),
  body: z.string().max(20_000).optional(),
});

const DONE: Record<LiveCommand, string> = {
  post: 'live post added',
  edit: 'live post edited',
  delete: 'live post deleted',
  pin: 'live post pinned',
  unpin: 'live post unpinned',
  end: 'live coverage ended',
};

/** Runs one live command for a request; every refusal is a 4xx with a Japanese message. Answers `{ postId }`. */
export async function handleLiveCommand(request: Request, id: string, command: string): Promise<Response> {
  const mutation = await readMutation(request, { limit: BODY_LIMITS.live, schema: envelope });
  if (!mutation.ok) return mutation.response;
  if (!isLiveCommand(command)) return jsonError(404, '不明な操作です。');
  if (!isArticleId(id)) return jsonError(404, MESSAGES.notFound);
  const { db, settings } = await getNewsroomContext();
  const { editor } = mutation.signedIn;
  try {
    const result = await runLiveCommand({ id: editor.id, role: editor.role }, id, command, mutation.input);
    await invalidateTags(db, result.invalidate);
    // This process's readers' next poll reads the stream anew; other instances' within a second.
    forgetLiveStream(id);
    after(() => refreshAfterInvalidation(settings.internalUrl, result.invalidate));
    logger('newsroom').info({ command, articleId: id, postId: result.postId, editorId: editor.id }, DONE[command]);
    return jsonOk({ postId: result.postId });
  } catch (error) {
    if (error instanceof Error && 'status' in error && error.status === 403) {
      logger('newsroom').warn({ command, articleId: id, editorId: editor.id, role: editor.role }, 'live command refused by role');
    }
    return toErrorResponse(error);
  }
}
