import { answeringServerFaults, handleLiveCommand } from '@/lib/newsroom';

type Context = { params: Promise<{ id: string; command: string }> };

/** POST /api/newsroom/articles/{id}/live/{post|edit|delete|pin|unpin|end}: a live page's commands; the role is checked per command (ADR 0036). */
export const POST = answeringServerFaults(async (request: Request, { params }: Context) => {
  const { id, command } = await params;
  return handleLiveCommand(request, id, command);
});
