import { getMedia } from '@/lib/content';
import { CACHE_CONTROL } from '@/lib/cache';

type MediaContext = { params: Promise<{ path: string[] }> };

/** Serves stored images. A path never changes its bytes, so browsers and CDNs may keep them for a year. */
export async function GET(_request: Request, { params }: MediaContext) {
  const { path } = await params;
  const media = await getMedia(path.join('/'));
  if (!media) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': CACHE_CONTROL.missing } });
  return new Response(Buffer.from(media.bytes), {
    headers: {
      'Content-Type': media.contentType,
      'Cache-Control': CACHE_CONTROL.immutable,
    },
  });
}
