import { logger } from '@/lib/log';
import { answeringServerFaults, endSession, guardMutation, seeOther } from '@/lib/newsroom';

/** Signs out (a form post from the newsroom header): the session is revoked, not just forgotten. */
export const POST = answeringServerFaults(async (request: Request) => {
  const guard = await guardMutation(request);
  if (guard instanceof Response) return guard;
  await endSession();
  logger('newsroom').info({ editorId: guard.editor.id }, 'signed out');
  return seeOther('/newsroom/sign-in?signed-out=1');
});
