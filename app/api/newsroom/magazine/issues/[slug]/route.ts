import { answeringServerFaults, handleIssueSave } from '@/lib/newsroom';

type Context = { params: Promise<{ slug: string }> };

/** Saves a magazine issue over the revision the editor loaded. */
export const PUT = answeringServerFaults(async (request: Request, { params }: Context) => {
  const { slug } = await params;
  return handleIssueSave(request, slug);
});
