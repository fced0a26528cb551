import 'server-only';
import { unstable_cache } from 'next/cache';
import { notFound } from 'next/navigation';
import { CACHE_SECONDS } from './tags';

const marks = new Map<number, () => Promise<number>>();

/**
 * Shortens the cache lifetime of the page being rendered to at most
 * `seconds`. An ISR route's revalidate (and so its `s-maxage`) is the
 * shortest of the route's own and every cached read during the render;
 * Next.js has no per-response override, and a dynamic API in an ISR route
 * is an error at run time, so a tiny cached read is the way to say "this
 * render, briefly".
 */
export async function capPageLifetime(seconds: number): Promise<void> {
  let mark = marks.get(seconds);
  if (!mark) {
    mark = unstable_cache(async () => seconds, ['page-lifetime', String(seconds)], { revalidate: seconds });
    marks.set(seconds, mark);
  }
  await mark();
}

const tagMarks = new Map<string, () => Promise<true>>();

/**
 * Attaches cache tags to the page being rendered without reading anything
 * or shortening its lifetime: for a page that must re-render on a write
 * whose data it reads from elsewhere (the home page and the `breaking` tag:
 * its 速報 strip comes from the rails snapshot, lib/rails).
 */
export async function markPageTags(...tags: string[]): Promise<void> {
  const key = tags.join(' ');
  let mark = tagMarks.get(key);
  if (!mark) {
    mark = unstable_cache(async () => true as const, ['page-tags', ...tags], { tags, revalidate: false });
    tagMarks.set(key, mark);
  }
  await mark();
}

/**
 * `notFound()` for ISR routes: the 404 is cached for CACHE_SECONDS.notFound,
 * not the route's time. Otherwise a CDN (and our own cache) would keep a 404
 * for an article's URL for its hour, hiding a story published meanwhile.
 * Not in the not-found page itself: that renders into every page's tree.
 */
export async function notFoundBriefly(): Promise<never> {
  await capPageLifetime(CACHE_SECONDS.notFound);
  notFound();
}
