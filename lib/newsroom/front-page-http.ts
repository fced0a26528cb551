import 'server-only';
import { after } from 'next/server';
import { getNewsroomContext } from './context';
import { canCurateFrontPage, frontPageChoiceSchema, NOT_A_DESK_MESSAGE, saveFrontPage } from './front-page';
import { BODY_LIMITS, jsonOk } from './http';
import { invalidateTags } from './invalidate';
import { answer, readMutation } from './mutation';
import { refreshAfterInvalidation } from './warm';
import { logger } from '../log';

/**
 * The HTTP side of the front page (POST /api/newsroom/front-page): the same
 * guard as every newsroom mutation (same origin, session, CSRF token), the
 * desk's permission, then the save, and the home page's tag invalidated and
 * re-rendered exactly as after a publish (docs/adr/0033-front-page.md).
 */
export async function handleFrontPageSave(request: Request): Promise<Response> {
  const mutation = await readMutation(request, {
    limit: BODY_LIMITS.frontPage,
    schema: frontPageChoiceSchema,
    refuse: ({ editor }) => (canCurateFrontPage(editor) ? null : NOT_A_DESK_MESSAGE),
  });
  if (!mutation.ok) return mutation.response;
  const { editor } = mutation.signedIn;
  const { lead, featured } = mutation.input;
  const { db, settings } = await getNewsroomContext();
  return answer(async () => {
    const result = await saveFrontPage(db, { lead, featured, editorId: editor.id });
    await invalidateTags(db, result.invalidate);
    // After the desk has the answer: render the home page again, as a publish does.
    after(() => refreshAfterInvalidation(settings.internalUrl, result.invalidate));
    logger('newsroom').info({ command: 'front-page', editorId: editor.id, lead, featured, tags: result.invalidate }, 'front page saved');
    return jsonOk({ lead, featured });
  });
}
