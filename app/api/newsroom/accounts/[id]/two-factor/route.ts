import { answeringServerFaults, handleResetTwoFactor } from '@/lib/newsroom';

type Context = { params: Promise<{ id: string }> };

/** Turns an account's two-factor sign-in off, for a lost phone (管理者 only). */
export const POST = answeringServerFaults(async (request: Request, { params }: Context) => {
  const { id } = await params;
  return handleResetTwoFactor(request, id);
});
