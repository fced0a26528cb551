import { getNewsletterDeps, handleUnsubscribe, NEWSLETTER_PAGES, withToken } from '@/lib/newsletter';
import { CACHE_CONTROL } from '@/lib/cache';

/** POST /api/newsletter/unsubscribe: the unsubscribe page's button and RFC 8058 one-click from mail clients. */
export async function POST(request: Request) {
  return handleUnsubscribe(request, await getNewsletterDeps());
}

/**
 * A mail client without one-click opens the List-Unsubscribe URL in a
 * browser: show it the unsubscribe page (whose button POSTs) rather than
 * unsubscribing on a GET, which link scanners also send.
 */
export async function GET(request: Request) {
  const token = new URL(request.url).searchParams.get('token') ?? '';
  return new Response(null, { status: 303, headers: { Location: withToken(NEWSLETTER_PAGES.unsubscribe, token), 'Cache-Control': CACHE_CONTROL.personal } });
}
