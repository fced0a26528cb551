import { answeringServerFaults, handlePublicationSave } from '@/lib/newsroom';

type Context = { params: Promise<{ slug: string }> };

/** Saves a MOOK or special edition over the revision the editor loaded. */
export const PUT = answeringServerFaults(async (request: Request, { params }: Context) => {
  const { slug } = await params;
  return handlePublicationSave(request, slug);
});
