import { Suspense } from 'react';
import { notFoundBriefly } from '@/lib/cache/page-lifetime';
import { LatestHeadlines } from './latest-headlines';
import { NotFoundView } from './not-found-view';
import { SwallowError } from './swallow-error.client';

/** Throws Next.js's not-found signal: the response's status becomes 404 (and its lifetime brief). */
async function NotFoundSignal(): Promise<never> {
  return notFoundBriefly();
}

/**
 * The not-found page of a reader route, rendered by the route itself so
 * that it is in the server HTML. A `notFound()` thrown by the page is
 * rendered by Next.js 16 as an empty document whose content only the
 * browser's JavaScript builds (vercel/next.js#62228, #95613: its not-found
 * boundary is a client error boundary, which the server's HTML renderer
 * cannot use), so a reader without JavaScript saw a blank page. Here the
 * view is ordinary page content, and the signal is thrown inside a
 * Suspense boundary, where Next.js sets the 404 status (and `noindex`)
 * and keeps the HTML around it; in the browser the signal's error stops
 * at SwallowError, so nothing replaces the view. ADR 0045.
 */
export function NotFoundPage() {
  return (
    <>
      <NotFoundView>
        <LatestHeadlines />
      </NotFoundView>
      <SwallowError>
        <Suspense fallback={null}>
          <NotFoundSignal />
        </Suspense>
      </SwallowError>
    </>
  );
}
