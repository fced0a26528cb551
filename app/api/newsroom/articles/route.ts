import { answeringServerFaults, createArticle, guardMutation, seeOther, toErrorResponse } from '@/lib/newsroom';

/** Creates an empty draft (the header's 新規作成 form) and opens it in the editor. */
export const POST = answeringServerFaults(async (request: Request) => {
  const guard = await guardMutation(request);
  if (guard instanceof Response) return guard;
  try {
    return seeOther(`/newsroom/articles/${await createArticle(guard.editor.id)}`);
  } catch (error) {
    return toErrorResponse(error);
  }
});
