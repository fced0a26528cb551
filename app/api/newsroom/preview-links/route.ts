import { isArticleId } from '@/lib/content';
import { guardMutation } from '@/lib/newsroom/auth';
import { getNewsroomContext } from '@/lib/newsroom/context';
import { answeringServerFaults, BODY_LIMITS, MESSAGES, jsonError, readForm, seeOther, toErrorResponse } from '@/lib/newsroom/http';
import { createPreviewLink, DEFAULT_LINK_HOURS, LINK_HOURS_CHOICES } from '@/lib/preview/links';

/** Creates a shareable preview link (form on the share page) and shows it there. */
export const POST = answeringServerFaults(async (request: Request) => {
  const guard = await guardMutation(request);
  if (guard instanceof Response) return guard;
  const body = await readForm(request, BODY_LIMITS.form);
  if (!body.ok) return body.response;
  const id = body.form.get('id');
  const hours = Number(body.form.get('hours') ?? DEFAULT_LINK_HOURS);
  if (typeof id !== 'string' || !isArticleId(id)) return jsonError(400, MESSAGES.badInput);
  if (!(LINK_HOURS_CHOICES as readonly number[]).includes(hours)) return jsonError(400, '有効期間を選び直してください。');
  const { db, secret } = await getNewsroomContext();
  const exists = await db.selectFrom('articles').select('id').where('id', '=', id).executeTakeFirst();
  if (!exists) return jsonError(404, MESSAGES.notFound);
  try {
    const link = await createPreviewLink(db, secret, { articleId: id, editorId: guard.editor.id, hours });
    return seeOther(`/newsroom/articles/${id}/share?created=${link.id}`);
  } catch (error) {
    return toErrorResponse(error);
  }
});
