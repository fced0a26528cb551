import { isAuthorizedRevalidation, readRevalidateRequest, CACHE_CONTROL } from '@/lib/cache';
import { readSettings } from '@/lib/config';
import { logger } from '@/lib/log';
import { revalidateTags } from '@/lib/newsroom';

// Answers about the writer's own request: no cache may keep or replay them.
const PRIVATE = { 'cache-control': CACHE_CONTROL.personal };

// POST /api/revalidate with `Authorization: Bearer $KIJI_REVALIDATE_SECRET`
// and {"tags": [...]}: expires the tagged data and every page built from it,
// so the next reader gets a fresh render (docs/adr/0005). Without the
// secret configured the route does not exist.
export async function POST(request: Request) {
  const secret = readSettings().revalidateSecret;
  if (!secret) return Response.json({ error: 'Not found' }, { status: 404, headers: PRIVATE });
  if (!isAuthorizedRevalidation(request.headers.get('authorization'), secret)) {
    return Response.json({ error: 'Unauthorized' }, { status: 401, headers: { ...PRIVATE, 'www-authenticate': 'Bearer' } });
  }
  const input = await readRevalidateRequest(request);
  if (!input.ok) return Response.json({ error: input.message }, { status: input.status, headers: PRIVATE });
  // expire 'now', not 'max': a writer calls this because readers must not see
  // the old version (a breaking story, a correction), so the next request
  // waits for the render instead of getting the stale page once more. On
  // every instance: invalidateTags records and announces it (ADR 0024).
  await revalidateTags(input.tags, { expire: 'now' });
  logger('invalidation').info({ tags: input.tags, expire: 'now' }, 'revalidated through POST /api/revalidate');
  return Response.json({ revalidated: input.tags, now: new Date().toISOString() }, { headers: PRIVATE });
}
