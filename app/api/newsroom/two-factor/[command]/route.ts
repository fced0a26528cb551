import { answeringServerFaults, handleTwoFactorCommand } from '@/lib/newsroom';

type Context = { params: Promise<{ command: string }> };

/** The signed-in editor's own two-factor sign-in: start, confirm or disable (ADR 0043). */
export const POST = answeringServerFaults(async (request: Request, { params }: Context) => {
  const { command } = await params;
  return handleTwoFactorCommand(request, command);
});
