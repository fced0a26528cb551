import { answeringServerFaults, handleFixedPageSave } from '@/lib/newsroom';

type Context = { params: Promise<{ slug: string }> };

/** Saves a fixed page (会社概要, プライバシーポリシー, 利用規約, お問い合わせ) over the version the editor loaded. */
export const PUT = answeringServerFaults(async (request: Request, { params }: Context) => {
  const { slug } = await params;
  return handleFixedPageSave(request, slug);
});
