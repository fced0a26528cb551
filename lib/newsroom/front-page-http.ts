import 'server-only';
import { after } from 'next/server';
import { guardMutation } from './auth';
import { getNewsroomContext } from './context';
import { canCurateFrontPage, frontPageChoiceSchema, NOT_A_DESK_MESSAGE, saveFrontPage } from './front-page';
import { BODY_LIMITS, MESSAGES, jsonError, jsonOk, readJson, toErrorResponse } from './http';
import { invalidateTags } from './invalidate';
import { refreshAfterInvalidation } from './warm';
import { logger } from '../log';

/**
 * The HTTP side of the front page (POST /api/newsroom/front-page): the same
 * guard as every newsroom mutation (same origin, session, CSRF token), the
 * desk's permission, then the save, and the home page's tag invalidated and
 * re-rendered exactly as after a publish (docs/adr/0033-front-page.md).
 */
export async function handleFrontPageSave(request: Request): Promise<Response> {
  const guard = await guardMutation(request);
  if (guard instanceof Response) return guard;
  if (!canCurateFrontPage(guard.editor)) return jsonError(403, NOT_A_DESK_MESSAGE);
  const body = await readJson(request, BODY_LIMITS.frontPage);
  if (!body.ok) return body.response;
  const parsed = frontPageChoiceSchema.safeParse(body.json);
  if (!parsed.success) return jsonError(400, MESSAGES.badInput);
  const { db, settings } = await getNewsroomContext();
  try {
    const { lead, featured } = parsed.data;
    const result = await saveFrontPage(db, { lead, featured, editorId: guard.editor.id });
    await invalidateTags(db, result.invalidate);
    // After the desk has the answer: render the home page again, as a publish does.
    after(() => refreshAfterInvalidation(settings.internalUrl, result.invalidate));
    logger('newsroom').info({ command: 'front-page', editorId: guard.editor.id, lead, featured, tags: result.invalidate }, 'front page saved');
    return jsonOk({ lead, featured });
  } catch (error) {
    return toErrorResponse(error);
  }
}
