import { answeringServerFaults, handleChangeRole } from '@/lib/newsroom';

type Context = { params: Promise<{ id: string }> };

/** Gives an account another role (管理者 only; never the last 管理者's away). */
export const POST = answeringServerFaults(async (request: Request, { params }: Context) => {
  const { id } = await params;
  return handleChangeRole(request, id);
});
