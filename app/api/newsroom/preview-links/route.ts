import { isArticleId } from '@/lib/content';
import {
  answeringServerFaults,
  BODY_LIMITS,
  createPreviewLink,
  DEFAULT_LINK_HOURS,
  guardMutation,
  jsonError,
  LINK_HOURS_CHOICES,
  MESSAGES,
  readForm,
  seeOther,
  toErrorResponse,
} from '@/lib/newsroom';

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
  try {
    const link = await createPreviewLink({ articleId: id, editorId: guard.editor.id, hours });
    if (!link) return jsonError(404, MESSAGES.notFound);
    return seeOther(`/newsroom/articles/${id}/share?created=${link.id}`);
  } catch (error) {
    return toErrorResponse(error);
  }
});
