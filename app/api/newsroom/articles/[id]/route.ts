import { handleArticleCommand } from '@/lib/newsroom/commands-http';

type Context = { params: Promise<{ id: string }> };

/** Saves (or autosaves) the editor's form to a draft, 予約 or 非公開 article. */
export async function PUT(request: Request, { params }: Context) {
  const { id } = await params;
  return handleArticleCommand(request, id, 'save');
}
