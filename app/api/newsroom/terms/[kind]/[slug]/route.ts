import { answeringServerFaults, handleTermSave } from '@/lib/newsroom';

type Context = { params: Promise<{ kind: string; slug: string }> };

/** Saves a topic's, series' or author's fields; the slug never changes. */
export const PUT = answeringServerFaults(async (request: Request, { params }: Context) => {
  const { kind, slug } = await params;
  return handleTermSave(request, kind, slug);
});
