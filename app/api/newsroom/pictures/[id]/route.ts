import { answeringServerFaults, handlePictureUpdate } from '@/lib/newsroom';

type Context = { params: Promise<{ id: string }> };

/** Changes a library picture's caption, credit and alt text. */
export const POST = answeringServerFaults(async (request: Request, { params }: Context) => {
  const { id } = await params;
  return handlePictureUpdate(request, id);
});
