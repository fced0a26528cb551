import { answeringServerFaults, handlePresence } from '@/lib/newsroom';

type Context = { params: Promise<{ id: string }> };

/** An editor's tab has the article open, or leaves it; answers who else has it open (ADR 0047). */
export const POST = answeringServerFaults(async (request: Request, { params }: Context) => {
  const { id } = await params;
  return handlePresence(request, id);
});
