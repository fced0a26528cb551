import { answeringServerFaults, handleArticleCommand } from '@/lib/newsroom';

type Context = { params: Promise<{ id: string }> };

/** Saves (or autosaves) the editor's form to a draft, 予約 or 非公開 article. */
export const PUT = answeringServerFaults(async (request: Request, { params }: Context) => {
  const { id } = await params;
  return handleArticleCommand(request, id, 'save');
});
