import type { NextRequest } from 'next/server';
import { isArticleId } from '@/lib/content/ids';
import { isArticleRetired } from '@/lib/content/retired';
import { renderGonePage } from '@/lib/seo/gone';

/**
 * 410 Gone for articles that were published and then taken down (issue 6:
 * 404 for unknown, 410 for unpublished). A page cannot set that status, so
 * this runs in front of article URLs only; everything else never enters it.
 */
export async function proxy(request: NextRequest) {
  const id = request.nextUrl.pathname.split('/')[2] ?? '';
  if (isArticleId(id) && (await isArticleRetired(id))) {
    return new Response(renderGonePage(), {
      status: 410,
      headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'public, max-age=0, must-revalidate' },
    });
  }
}

export const config = { matcher: ['/articles/:id', '/articles/:id/:page'] };
