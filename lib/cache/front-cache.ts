import { logger } from '../log';

/**
 * Telling the front cache (nginx in front of the instances, deploy/nginx)
 * that its copies of some addresses are old (docs/adr/0025-nginx-front.md).
 *
 * nginx keeps each reader page for the page's own shared lifetime (s-maxage,
 * a minute), so readers of a popular page cost the instances one request a
 * minute instead of one a second. A write must not wait that minute: every
 * instance that applies an invalidation asks each front's purge address
 * (KIJI_FRONT_CACHE_PURGE) to drop the copies of the addresses that show the
 * change, once at once (old copies out) and once more after it has
 * re-rendered them (a copy another instance served before it applied the
 * change). Deeper listing pages, and other pages showing a corrected card in
 * a あわせて読みたい row, are left to their minute, as a CDN would keep them.
 * Which addresses show a change is lib/newsroom/warm.ts `frontCachePaths`.
 */

/** The front's key holds the encoding nginx asked the instance for (kiji-server.conf): each address has up to two copies. */
const ENCODINGS = ['gzip', 'identity'] as const;

/** How long one purge request may take before it is given up (ms): a front that does not answer must not hold up the next. */
const PURGE_TIMEOUT_MS = 2_000;

/**
 * Drops the front caches' copies of `paths` (each encoding's). A front that
 * fails is logged and skipped: its copies then live out their minute.
 * Resolves with how many copies were dropped (the purge module answers 404
 * for an address it did not hold).
 */
export async function purgeFrontCaches(purgeUrls: readonly string[], paths: readonly string[]): Promise<number> {
  if (purgeUrls.length === 0 || paths.length === 0) return 0;
  const requests = purgeUrls.flatMap((base) => paths.flatMap((path) => ENCODINGS.map((encoding) => `${base}/${encoding}${path}`)));
  const failures: { url: string; error: unknown }[] = [];
  const answers = await Promise.all(
    requests.map(async (url) => {
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(PURGE_TIMEOUT_MS) });
        await response.arrayBuffer();
        if (response.status !== 200 && response.status !== 404) throw new Error(`answered ${response.status}`);
        return response.status === 200;
      } catch (error) {
        failures.push({ url, error });
        return false;
      }
    }),
  );
  // One line a write, not one per address: a front that is down would otherwise flood the log.
  if (failures.length > 0) logger('front-cache').warn({ err: failures[0]!.error, url: failures[0]!.url, failed: failures.length, of: requests.length }, 'could not purge the front cache');
  return answers.filter(Boolean).length;
}
