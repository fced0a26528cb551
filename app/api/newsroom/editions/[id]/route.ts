import { answeringServerFaults, handleEditionSave } from '@/lib/newsroom';

type Context = { params: Promise<{ id: string }> };

/** Saves a draft newsletter edition over the revision the editor loaded. */
export const PUT = answeringServerFaults(async (request: Request, { params }: Context) => {
  const { id } = await params;
  return handleEditionSave(request, id);
});
