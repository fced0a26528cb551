import { guardMutation } from '@/lib/newsroom/auth';
import { createArticle } from '@/lib/newsroom/articles';
import { getNewsroomContext } from '@/lib/newsroom/context';
import { answeringServerFaults, seeOther, toErrorResponse } from '@/lib/newsroom/http';

/** Creates an empty draft (the header's 新規作成 form) and opens it in the editor. */
export const POST = answeringServerFaults(async (request: Request) => {
  const guard = await guardMutation(request);
  if (guard instanceof Response) return guard;
  const { db } = await getNewsroomContext();
  try {
    return seeOther(`/newsroom/articles/${await createArticle(db, guard.editor.id)}`);
  } catch (error) {
    return toErrorResponse(error);
  }
});
