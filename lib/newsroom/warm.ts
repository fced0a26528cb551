import { purgeFrontCaches } from '../cache/front-cache';
import { CACHE_TAGS } from '../cache/tags';
import { readSettings } from '../config';
import { listingSitemapPath, SITEMAP_INDEX_PATH } from '../seo/sitemap-routes';
import { articlePath, authorPath, MAGAZINE_PATH, magazineIssuePath, PUBLICATIONS_PATH, sectionPath, seriesPath, tagPath, topicPath } from '../content/urls';

/**
 * After a publish, correction or withdrawal the server asks for the first
 * page behind each invalidated tag itself, so re-rendering starts at once
 * rather than when the first reader of each page arrives (with the `max`
 * profile that reader would still get the old page). Deeper listing pages
 * refresh on their first visit.
 */

const PREFIXES: [prefix: string, toPath: (slug: string) => string][] = [
  [CACHE_TAGS.article(''), (id) => articlePath(id)],
  [CACHE_TAGS.live(''), (id) => articlePath(id)],
  [CACHE_TAGS.section(''), (slug) => sectionPath(slug)],
  [CACHE_TAGS.topic(''), (slug) => topicPath(slug)],
  [CACHE_TAGS.tag(''), (slug) => tagPath(slug)],
  [CACHE_TAGS.series(''), (slug) => seriesPath(slug)],
  // An author's edit (ADR 0050): their page first; the article pages with their byline re-render on their next visit.
  [CACHE_TAGS.author(''), (slug) => authorPath(slug)],
  [CACHE_TAGS.magazineIssue(''), (slug) => magazineIssuePath(slug)],
  // A fixed page's slug is its path (lib/site/pages.ts).
  [CACHE_TAGS.fixedPage(''), (slug) => `/${slug}`],
];

/**
 * Pages a tag of the magazine desk re-renders besides its own (ADR 0049):
 * the issue list and the 最新号 block of the home page for `magazine`, the
 * list (which shows the current issue's contents) for an issue's contents,
 * the home page's 別冊・ムック block for `publications`. Article pages show
 * the same blocks and refresh on their next visit.
 */
const ALSO: Record<string, string[]> = {
  [CACHE_TAGS.magazine]: ['/', MAGAZINE_PATH],
  [CACHE_TAGS.publications]: ['/', PUBLICATIONS_PATH],
};

/** The public paths to re-render for these invalidated tags, the article first, then home, then listings. */
export function toWarmPaths(tags: readonly string[]): string[] {
  const paths: string[] = [];
  for (const tag of tags) {
    if (tag === CACHE_TAGS.articles || tag === CACHE_TAGS.frontPage) paths.push('/');
    const match = PREFIXES.find(([prefix]) => tag.startsWith(prefix));
    if (match) paths.push(match[1](encodeURIComponent(tag.slice(match[0].length))));
    if (tag.startsWith(CACHE_TAGS.magazineIssue(''))) paths.push(MAGAZINE_PATH);
    paths.push(...(ALSO[tag] ?? []));
  }
  const rank = (p: string) => (p.startsWith('/articles/') ? 0 : p === '/' ? 1 : 2);
  return [...new Set(paths)].sort((a, b) => rank(a) - rank(b));
}

/** What the front cache (nginx) also keeps of a change besides the pages warmed: feeds, sitemaps and pages no warm asks for. */
const FRONT_ONLY: Record<string, string[]> = {
  [CACHE_TAGS.articles]: ['/feed.xml', '/sitemap.xml', '/sitemaps/news.xml'],
  [CACHE_TAGS.breaking]: ['/'],
  [CACHE_TAGS.rankings]: ['/ranking'],
  // The sitemaps that list issues, and the one that dates /magazine and /publications.
  [CACHE_TAGS.magazine]: [SITEMAP_INDEX_PATH, listingSitemapPath('issues', 1), listingSitemapPath('pages', 1)],
  [CACHE_TAGS.publications]: [listingSitemapPath('pages', 1)],
  [CACHE_TAGS.fixedPages]: ['/sitemap.xml', '/sitemaps/pages-1.xml'],
};

/**
 * Every address whose front-cache copy an invalidation of `tags` makes old:
 * the pages warmed, plus each section's feed and {@link FRONT_ONLY}.
 */
export function frontCachePaths(tags: readonly string[]): string[] {
  const paths = new Set(toWarmPaths(tags));
  for (const tag of tags) {
    for (const path of FRONT_ONLY[tag] ?? []) paths.add(path);
    if (tag.startsWith(CACHE_TAGS.section(''))) paths.add(`/feeds/${encodeURIComponent(tag.slice(CACHE_TAGS.section('').length))}.xml`);
  }
  return [...paths];
}

/** Drops the front caches' copies of what an invalidation of `tags` made old (lib/cache/front-cache.ts; none without KIJI_FRONT_CACHE_PURGE). */
export function purgeFrontCachesFor(tags: readonly string[]): Promise<number> {
  return purgeFrontCaches(readSettings().frontCachePurgeUrls, frontCachePaths(tags));
}

/** How long warming waits for one page's re-render before moving on (ms). */
const RENDER_WAIT_MS = 3_000;

async function get(url: string): Promise<string | null> {
  const response = await fetch(url, { signal: AbortSignal.timeout(10_000) }).catch(() => null);
  await response?.arrayBuffer().catch(() => undefined);
  return response ? (response.headers.get('x-nextjs-cache') ?? '') : null;
}

/**
 * Requests each path as an anonymous reader would, one at a time: a request
 * for a stale page starts its re-render, and the next path waits until that
 * one is served fresh, so the article itself is ready first instead of every
 * page competing for the same cores. Failures are ignored (the next reader
 * renders the page).
 */
export async function warmPages(baseUrl: string, paths: readonly string[]): Promise<void> {
  for (const path of paths) {
    const started = Date.now();
    let cache = await get(`${baseUrl}${path}`);
    while (cache === 'STALE' && Date.now() - started < RENDER_WAIT_MS) {
      await new Promise((r) => setTimeout(r, 20));
      cache = await get(`${baseUrl}${path}`);
    }
  }
}

/**
 * What every instance does once it has applied an invalidation of `tags`
 * (its own or another's): re-render the pages behind them here, then drop
 * the front caches' copies of them (lib/cache/front-cache.ts), so the next
 * reader through nginx gets the new page from an instance that has it.
 */
export async function refreshAfterInvalidation(baseUrl: string, tags: readonly string[]): Promise<void> {
  await warmPages(baseUrl, toWarmPaths(tags));
  await purgeFrontCachesFor(tags);
}
