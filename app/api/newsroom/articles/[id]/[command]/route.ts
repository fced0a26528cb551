import { answeringServerFaults, handleArticleCommand } from '@/lib/newsroom';

type Context = { params: Promise<{ id: string; command: string }> };

/** POST /api/newsroom/articles/{id}/{submit|return|publish|schedule|unschedule|unpublish|fix|update|correct|restore|delete|undelete}; the role is checked per command (ADR 0032, 0041). */
export const POST = answeringServerFaults(async (request: Request, { params }: Context) => {
  const { id, command } = await params;
  if (command === 'save') return new Response(null, { status: 405, headers: { Allow: 'PUT' } });
  return handleArticleCommand(request, id, command);
});
