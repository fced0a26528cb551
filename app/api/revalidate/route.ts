import { revalidateTag } from 'next/cache';
import { isAuthorized, parseRevalidateBody } from '@/lib/cache/revalidate';
import { readSettings } from '@/lib/config';

/**
 * POST /api/revalidate with `Authorization: Bearer $KIJI_REVALIDATE_SECRET`
 * and `{"tags": ["articles", "article:{id}"]}`: for writers outside this
 * process (a CMS, a script, the tests) to say content changed. Tags expire
 * at once (`expire: 0`): the next request waits for fresh data instead of
 * being served the stale copy, so an unpublished article leaves sitemaps,
 * feeds and pages on the very next fetch.
 */
export async function POST(request: Request) {
  const secret = readSettings().revalidateSecret;
  if (!secret) return Response.json({ error: 'revalidation is off: KIJI_REVALIDATE_SECRET is not set' }, { status: 404 });
  if (!isAuthorized(request.headers.get('authorization'), secret)) {
    return Response.json({ error: 'missing or wrong bearer secret' }, { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } });
  }
  const json: unknown = await request.json().catch(() => undefined);
  const parsed = parseRevalidateBody(json);
  if (!parsed.ok) return Response.json({ error: parsed.error }, { status: 400 });
  for (const tag of parsed.tags) revalidateTag(tag, { expire: 0 });
  return Response.json({ revalidated: parsed.tags, now: Date.now() });
}
