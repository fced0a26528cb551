import { getMediaCrop } from '@/lib/content';
import { CACHE_CONTROL } from '@/lib/cache';

type CropContext = { params: Promise<{ ratio: string; path: string[] }> };

/** 16:9, 4:3 and 1:1 crops of stored pictures for structured data (ADR 0006). Like originals, they never change. */
export async function GET(_request: Request, { params }: CropContext) {
  const { ratio, path } = await params;
  const crop = await getMediaCrop(ratio, path.join('/'));
  if (!crop) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': CACHE_CONTROL.missing } });
  return new Response(Buffer.from(crop.bytes), {
    headers: {
      'Content-Type': crop.contentType,
      'Cache-Control': CACHE_CONTROL.immutable,
    },
  });
}
