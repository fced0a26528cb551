import { NextResponse, type NextRequest } from 'next/server';
import { decideArticleRouting } from './lib/newsroom/routing';
import { getFreshRoutingSnapshot } from './lib/newsroom/routing-cache';
import { GONE_PAGE_HTML } from './lib/newsroom/gone-page';
import { CACHE_CONTROL } from './lib/cache/control';

/**
 * Runs before the page cache for article and newsroom URLs:
 * - withdrawn articles answer 410 Gone and removed pages 301, which an App
 *   Router page cannot (lib/newsroom/routing.ts); a preview (draft mode)
 *   goes through to the page, which checks the editor or preview link;
 * - preview and newsroom responses say `noindex`, and newsroom pages may not
 *   be framed by another site (clickjacking).
 */
export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const preview = request.cookies.has('__prerender_bypass');
  if (pathname.startsWith('/articles/') && !preview) {
    const decision = decideArticleRouting(pathname, await getFreshRoutingSnapshot());
    if (decision?.kind === 'gone') {
      return new NextResponse(GONE_PAGE_HTML, {
        status: 410,
        headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': CACHE_CONTROL.missing },
      });
    }
    if (decision?.kind === 'moved') {
      const target = request.nextUrl.clone();
      target.pathname = decision.location;
      target.search = '';
      return NextResponse.redirect(target, 301);
    }
    return NextResponse.next();
  }
  const response = NextResponse.next();
  response.headers.set('X-Robots-Tag', 'noindex');
  if (!pathname.startsWith('/articles/')) response.headers.set('Content-Security-Policy', "frame-ancestors 'none'");
  return response;
}

export const config = {
  matcher: [
    // The header lets bench/newsroom.ts measure, in one run, what this proxy
    // costs a cached article. Skipping it only loses 410/301 (readers then get
    // 404) and the preview's X-Robots-Tag (the page's own meta tag remains).
    { source: '/articles/:path*', missing: [{ type: 'header', key: 'x-kiji-bench-skip-proxy' }] },
    '/newsroom',
    '/newsroom/:path*',
    '/preview/:path*',
  ],
};
