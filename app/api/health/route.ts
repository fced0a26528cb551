import { CACHE_CONTROL } from '@/lib/cache';
import { getHealth } from '@/lib/ops';

// The state of this instance now: never prerendered, never kept by any cache.
export const dynamic = 'force-dynamic';

// GET /api/health: 200 while the database answers, 503 when it does not or
// the instance is shutting down; JSON says which, and Redis's state (lib/ops/health.ts).
export async function GET() {
  const { httpStatus, report } = await getHealth();
  return Response.json(report, { status: httpStatus, headers: { 'cache-control': CACHE_CONTROL.status } });
}
