import { CACHE_CONTROL } from '@/lib/cache';

// Any /api/ address no route handler serves: a plain 404, for every method.
// Without it the site's not-found page rendered there, and Next.js treated a
// multipart POST to it as a Server Action and answered a malformed Origin
// with a 500 (found by e2e/fuzz.spec.ts).
function notFound(): Response {
  return Response.json({ error: '見つかりません。' }, { status: 404, headers: { 'Cache-Control': CACHE_CONTROL.missing } });
}

export const GET = notFound;
export const HEAD = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
export const OPTIONS = notFound;
