import { answeringServerFaults, handleTermCreate } from '@/lib/newsroom';

type Context = { params: Promise<{ kind: string }> };

/** Creates a topic, series or author (docs/adr/0050-topic-series-and-author-pages.md). */
export const POST = answeringServerFaults(async (request: Request, { params }: Context) => {
  const { kind } = await params;
  return handleTermCreate(request, kind);
});
