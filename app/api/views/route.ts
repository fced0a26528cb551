import { checkBeaconHeaders, readBeacon, recordView, reportStoreError, type BeaconProblem } from '@/lib/rankings';
import { CACHE_CONTROL } from '@/lib/cache';

// The page-view beacon (components/article/view-beacon.client.tsx). Cached
// pages are not rendered per view, so the browser reports each one here.

function problem({ status, message }: { status: BeaconProblem['status'] | 404 | 503; message: string }) {
  return Response.json({ error: message }, { status, headers: { 'cache-control': CACHE_CONTROL.personal } });
}

export async function POST(request: Request) {
  const rejected = checkBeaconHeaders(request.headers);
  if (rejected) return problem(rejected);
  const input = await readBeacon(request);
  if (!input.ok) return problem(input);
  let outcome;
  try {
    outcome = await recordView(input.articleId, request.headers);
  } catch (error) {
    // The store (Redis, the database) is unreachable: the view is lost, the
    // page is not. 503 rather than a 204 that would pretend it counted; the
    // browser ignores either, and a Redis outage fails here at once and was
    // logged once by its connection, not here per beacon.
    reportStoreError('view not recorded', error);
    return problem({ status: 503, message: 'ただいま閲覧数を記録できません。' });
  }
  if (outcome === 'unknown') return problem({ status: 404, message: 'その記事は見つかりません。' });
  // 204 whether counted or not, and nothing says which: a sender must not be
  // able to learn what gets past the dedupe, the cap or the bot filter.
  return new Response(null, { status: 204, headers: { 'cache-control': CACHE_CONTROL.personal } });
}

// Any other method: 405 with the Allow header HTTP requires (Next.js's own 405 omits it).
function methodNotAllowed() {
  return Response.json({ error: 'POST で送信してください。' }, { status: 405, headers: { allow: 'POST', 'cache-control': CACHE_CONTROL.personal } });
}
export const GET = methodNotAllowed;
export const PUT = methodNotAllowed;
export const PATCH = methodNotAllowed;
export const DELETE = methodNotAllowed;
