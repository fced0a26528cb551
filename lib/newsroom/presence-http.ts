import 'server-only';
import { z } from 'zod';
import { isArticleId } from '../content/ids';
import { guardMutation } from './auth';
import { getNewsroomContext } from './context';
import { BODY_LIMITS, jsonError, jsonOk, MESSAGES, readJson } from './http';
import { listOthersPresent, recordPresence, removePresence } from './presence';
import { isTabId } from './presence-rules';

/**
 * POST /api/newsroom/articles/{id}/presence (ADR 0047): an editor's tab says
 * it has the article open (every 15 s while visible) and hears who else has;
 * `leaving: true` when the tab closes or leaves the article. Behind the
 * guard of every newsroom mutation (same origin, session, CSRF token): the
 * answer names editors, which no reader may learn, and a POST carries the
 * token the way the editor's other calls do. Open to every role, as the
 * editor page is.
 */

const presenceSchema = z.object({ tab: z.string().refine(isTabId), leaving: z.boolean().optional() });

export async function handlePresence(request: Request, id: string): Promise<Response> {
  const guard = await guardMutation(request);
  if (guard instanceof Response) return guard;
  if (!isArticleId(id)) return jsonError(404, MESSAGES.notFound);
  const body = await readJson(request, BODY_LIMITS.form);
  if (!body.ok) return body.response;
  const parsed = presenceSchema.safeParse(body.json);
  if (!parsed.success) return jsonError(400, MESSAGES.badInput);
  const { db } = await getNewsroomContext();
  const tab = { articleId: id, sessionId: guard.sessionId, tabId: parsed.data.tab };
  if (parsed.data.leaving) {
    await removePresence(db, tab);
    return jsonOk({ others: [] });
  }
  // A deleted draft has no editor (ADR 0041): nobody can be "in" it.
  const article = await db.selectFrom('articles').select('deleted_at').where('id', '=', id).executeTakeFirst();
  if (!article || article.deleted_at !== null) return jsonError(404, MESSAGES.notFound);
  try {
    await recordPresence(db, tab);
  } catch (error) {
    // Signed out in another tab between the guard and the write: the row's session is gone (its foreign key refused it).
    const session = await db.selectFrom('editor_sessions').select('id').where('id', '=', guard.sessionId).executeTakeFirst();
    if (!session) return jsonError(401, MESSAGES.signedOut);
    throw error;
  }
  return jsonOk({ others: await listOthersPresent(db, tab, guard.editor.id) });
}
