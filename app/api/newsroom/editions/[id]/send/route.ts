import { answeringServerFaults, handleEditionSend } from '@/lib/newsroom';

type Context = { params: Promise<{ id: string }> };

/** Sends a newsletter edition to every confirmed subscriber through the outbox (デスク and 管理者, ADR 0044). */
export const POST = answeringServerFaults(async (request: Request, { params }: Context) => {
  const { id } = await params;
  return handleEditionSend(request, id);
});
