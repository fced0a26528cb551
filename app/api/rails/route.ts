import { CACHE_CONTROL } from '@/lib/cache';
import { getRailsSnapshot } from '@/lib/rails';

// Read per request from the process's snapshot (lib/rails), never
// prerendered: the build has no database.
export const dynamic = 'force-dynamic';

// GET /api/rails: ニュース速報, 最新記事 and 人気ランキング as one small JSON
// document, the same for every reader and every page. Pages open in a
// browser poll it to refresh their rails in place (docs/adr/0018).
export async function GET() {
  return Response.json(await getRailsSnapshot(), { headers: { 'cache-control': CACHE_CONTROL.rails } });
}
