import { readSettings } from '@/lib/config';

// A route handler that does nothing: the ceiling the view beacon is measured
// against in `npm run bench` (docs/benchmarks.md). A 404 unless KIJI_BENCH_PAGES is on.
// Under /api/ as the beacon is: proxy.ts answers a plain POST anywhere else with 405.
export async function POST() {
  return new Response(null, { status: readSettings().benchPages ? 204 : 404 });
}
