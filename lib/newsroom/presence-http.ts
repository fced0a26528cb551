import 'server-only';
import { z } from 'zod';
import { isArticleId } from '../content/ids';
import { getNewsroomContext } from './context';
import { BODY_LIMITS, jsonError, jsonOk, MESSAGES } from './http';
import { answer, readMutation } from './mutation';
import { listOthersPresent, recordPresence, removePresence } from './presence';
import { isTabId } from './presence-rules';

/**
 * POST /api/newsroom/articles/{id}/presence (ADR 0047): an editor's tab says
 * it has the article open (every 15 s while visible) and hears who else has;
 * `leaving: true` when the tab closes or leaves the article. Read like every
 * newsroom JSON mutation (./mutation.ts: same origin, session, CSRF token,
 * sized body, schema): the answer names editors, which no reader may learn,
 * and a POST carries the token the way the editor's other calls do. Open to
 * every role, as the editor page is.
 */

const presenceBody = z.object({ tab: z.string().refine(isTabId), leaving: z.boolean().optional() });

export async function handlePresence(request: Request, id: string): Promise<Response> {
  const mutation = await readMutation(request, { limit: BODY_LIMITS.form, schema: presenceBody });
  if (!mutation.ok) return mutation.response;
  if (!isArticleId(id)) return jsonError(404, MESSAGES.notFound);
  const { signedIn, input } = mutation;
  const { db } = await getNewsroomContext();
  const tab = { articleId: id, sessionId: signedIn.sessionId, tabId: input.tab };
  return answer(async () => {
    if (input.leaving) {
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
      const session = await db.selectFrom('editor_sessions').select('id').where('id', '=', signedIn.sessionId).executeTakeFirst();
      if (!session) return jsonError(401, MESSAGES.signedOut);
      throw error;
    }
    return jsonOk({ others: await listOthersPresent(db, tab, signedIn.editor.id) });
  });
}
