import { answeringServerFaults, handleTermDelete } from '@/lib/newsroom';

type Context = { params: Promise<{ kind: string; slug: string }> };

/** Deletes a topic, series or author that no article uses. */
export const POST = answeringServerFaults(async (request: Request, { params }: Context) => {
  const { kind, slug } = await params;
  return handleTermDelete(request, kind, slug);
});
