import { isArticleId } from '@/lib/content';
import { answeringServerFaults, BODY_LIMITS, guardMutation, jsonError, MESSAGES, readForm, revokePreviewLink, seeOther } from '@/lib/newsroom';

type Context = { params: Promise<{ id: string }> };

/** Revokes a preview link: it stops working at the holder's next page load. */
export const POST = answeringServerFaults(async (request: Request, { params }: Context) => {
  const guard = await guardMutation(request);
  if (guard instanceof Response) return guard;
  const { id } = await params;
  const body = await readForm(request, BODY_LIMITS.form);
  if (!body.ok) return body.response;
  const article = body.form.get('article');
  if (typeof article !== 'string' || !isArticleId(article)) return jsonError(400, MESSAGES.badInput);
  if (!(await revokePreviewLink(article, id))) return jsonError(404, 'このリンクは見つからないか、すでに取り消されています。');
  return seeOther(`/newsroom/articles/${article}/share?revoked=1`);
});
