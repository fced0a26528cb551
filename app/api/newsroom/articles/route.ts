import { answeringServerFaults, BODY_LIMITS, createArticle, guardMutation, readForm, seeOther, toErrorResponse } from '@/lib/newsroom';

/** Creates an empty draft (the header's 新規作成 form; `kind=live` for ライブ記事を作成, ADR 0036) and opens it in the editor. */
export const POST = answeringServerFaults(async (request: Request) => {
  const guard = await guardMutation(request);
  if (guard instanceof Response) return guard;
  const form = await readForm(request, BODY_LIMITS.form);
  const kind = form.ok && form.form.get('kind') === 'live' ? 'live' : 'article';
  try {
    return seeOther(`/newsroom/articles/${await createArticle(guard.editor.id, kind)}`);
  } catch (error) {
    return toErrorResponse(error);
  }
});
