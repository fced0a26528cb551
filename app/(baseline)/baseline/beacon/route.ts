// A route handler that does nothing: the ceiling the view beacon is measured
// against in `npm run bench` (docs/benchmarks.md).
export async function POST() {
  return new Response(null, { status: 204 });
}
