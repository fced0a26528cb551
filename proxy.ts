import { NextResponse, type NextRequest } from 'next/server';
import { decideArticleRequest } from './lib/newsroom/for-proxy';
import { WITHDRAWN_PAGE } from './lib/site/pages';
import { CACHE_CONTROL } from './lib/cache/control';
import { UNAVAILABLE_PAGE_HTML } from './lib/http/unavailable-page';
import { DATABASE_UNAVAILABLE_RETRY_SECONDS, isDatabaseOut } from './lib/ops';

/**
 * Runs before the page cache for article, newsroom and preview URLs:
 * - withdrawn articles answer 410 Gone (the site's withdrawn-article page,
 *   rewritten with that status) and removed pages 301, which an App
 *   Router page cannot (lib/newsroom/routing.ts). For every request: no
 *   cookie or header skips it. Editors and preview links see a withdrawn
 *   article at its preview address (docs/adr/0019-preview-address.md);
 * - preview and newsroom responses say `noindex`;
 * - a newsroom page answers 503 with a Japanese message while the database
 *   is down (every one of them reads it: the session, the articles), not a
 *   500 from deep in its render (docs/adr/0026-database-outage.md);
 * - a Server Action call anywhere but a newsroom page, or from another
 *   origin, is refused (refuseServerAction);
 * - a multipart form posted to a page is refused with 400: no page of ours
 *   takes one (forms post to /api/, the newsroom's Server Actions send JSON),
 *   and Next.js answers a malformed one with a 500 while looking for a
 *   Server Action in it (found by e2e/fuzz.spec.ts).
 *
 * The security headers come from next.config.ts `headers()`, which Next.js
 * applies before this runs, to the 410 and 301 written here too (ADR 0021;
 * e2e/security-headers.spec.ts checks both).
 */
export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (request.method === 'POST' && (request.headers.get('content-type') ?? '').startsWith('multipart/form-data') && !pathname.startsWith('/api/')) {
    return new NextResponse('このアドレスはフォームの送信を受け付けません。', {
      status: 400,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': CACHE_CONTROL.personal },
    });
  }
  if (request.method === 'POST' && request.headers.has('next-action')) {
    const refusal = refuseServerAction(request, pathname);
    if (refusal) return refusal;
  } else if (request.method === 'POST' && !pathname.startsWith('/api/')) {
    // No page takes a plain POST (forms post to /api/, the newsroom's actions
    // carry Next-Action); Next.js's action path answered some with a 500
    // ("Invalid URL", found by e2e/fuzz.spec.ts).
    return new NextResponse('このアドレスはフォームの送信を受け付けません。', {
      status: 405,
      headers: { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': CACHE_CONTROL.personal },
    });
  }
  const ownPath = pathname.startsWith('/articles/') || pathname === '/newsroom' || pathname.startsWith('/newsroom/') || pathname.startsWith('/preview/');
  // A reader's request that only a content-type rule below brought here.
  if (!ownPath) return NextResponse.next();
  if (pathname.startsWith('/articles/')) {
    // The withdrawn-article page answers withdrawn articles' addresses only; asked for by its own, it is unknown (a 404 below it).
    if (pathname === WITHDRAWN_PAGE.path) {
      const unknown = request.nextUrl.clone();
      unknown.pathname = `${WITHDRAWN_PAGE.path}/unknown`;
      return NextResponse.rewrite(unknown);
    }
    const decision = await decideArticleRequest(pathname);
    if (decision?.kind === 'gone') {
      // The site's own page for it, inside its header and navigation, answered as 410.
      const page = request.nextUrl.clone();
      page.pathname = WITHDRAWN_PAGE.path;
      page.search = '';
      return NextResponse.rewrite(page, { status: 410 });
    }
    if (decision?.kind === 'moved') {
      const target = request.nextUrl.clone();
      target.pathname = decision.location;
      target.search = '';
      return NextResponse.redirect(target, 301);
    }
    return NextResponse.next();
  }
  if (pathname === '/newsroom' || pathname.startsWith('/newsroom/')) {
    if (await isDatabaseOut()) {
      return new NextResponse(UNAVAILABLE_PAGE_HTML, {
        status: 503,
        headers: {
          'Content-Type': 'text/html; charset=utf-8',
          'Cache-Control': CACHE_CONTROL.personal,
          'Retry-After': String(DATABASE_UNAVAILABLE_RETRY_SECONDS),
          'X-Robots-Tag': 'noindex',
        },
      });
    }
  }
  const response = NextResponse.next();
  response.headers.set('X-Robots-Tag', 'noindex');
  return response;
}

/**
 * A Server Action call (the `Next-Action` header) goes only to newsroom pages,
 * the one place that defines actions, and only from the page's own origin:
 * Next.js answers a foreign or empty Origin with a 500 before any of our
 * code runs (found by e2e/fuzz.spec.ts). The origin test is Next.js's own
 * (Origin's host against X-Forwarded-Host, else Host), so whatever passes
 * here passes there; the action's guard (guardAction) then checks it again
 * with the session and CSRF token.
 */
function refuseServerAction(request: NextRequest, pathname: string): NextResponse | null {
  const plain = (status: number, text: string) =>
    new NextResponse(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': CACHE_CONTROL.personal } });
  if (!pathname.startsWith('/newsroom/')) return plain(404, '見つかりません。');
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  let originHost: string | null = null;
  try {
    originHost = new URL(request.headers.get('origin') ?? '').host;
  } catch {
    originHost = null;
  }
  return originHost && originHost === host ? null : plain(403, '不正なリクエストです。ページを再読み込みしてからやり直してください。');
}

export const config = {
  matcher: [
    '/articles/:path*',
    '/newsroom',
    '/newsroom/:path*',
    '/preview/:path*',
    // Server Action calls: only the newsroom's, from its own origin (refuseServerAction).
    { source: '/((?!api/).*)', has: [{ type: 'header', key: 'next-action' }] },
    // Requests with a body (a content type), never /api/ (uploads go there, and
    // the proxy would buffer them): a multipart form or a plain POST to a page
    // is refused. Readers' own requests carry none and skip it.
    { source: '/((?!api/).*)', has: [{ type: 'header', key: 'content-type' }] },
  ],
};
