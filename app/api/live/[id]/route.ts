import { CACHE_CONTROL } from '@/lib/cache';
import { getLiveUpdate, parseLiveAfter } from '@/lib/live';

// Read per request from the process's short memo of the stream (lib/live),
// never prerendered: the build has no database. The CDN keeps each answer 5 s.
export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

// GET /api/live/{id}?after=<post id or ISO time>: the posts of a public live
// page newer than the reader's newest, as JSON, the same for every reader at
// that point (ADR 0036). Anything but a public live page is a 404.
export async function GET(request: Request, { params }: Context) {
  const { id } = await params;
  const after = parseLiveAfter(new URL(request.url).searchParams.get('after'));
  if (!after) return Response.json({ error: 'after にはこのページの投稿の id か ISO 8601 の時刻を指定してください。' }, { status: 400, headers: { 'cache-control': CACHE_CONTROL.missing } });
  const update = await getLiveUpdate(id, after);
  if (!update) return Response.json({ error: 'ライブ記事が見つかりません。' }, { status: 404, headers: { 'cache-control': CACHE_CONTROL.missing } });
  return Response.json(update, { headers: { 'cache-control': CACHE_CONTROL.liveUpdates } });
}
