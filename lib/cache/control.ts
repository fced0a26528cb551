/**
 * The Cache-Control values Kiji sets itself, one per policy, so every route
 * that shares a policy says it the same way (docs/architecture.md, "Cache
 * headers"; asserted route by route in e2e/cache-headers.spec.ts).
 *
 * ISR pages are not here: Next.js writes theirs from the route's revalidate
 * time and `expireTime` in next.config.ts (`s-maxage=R, stale-while-revalidate=E-R`).
 * All numbers are seconds.
 */
export const CACHE_CONTROL = {
  /**
   * Sitemaps, the news sitemap, RSS feeds and robots.txt: browsers ask each
   * time; a CDN keeps a copy for a minute and may answer from a stale one for
   * five more while it fetches the next, so a publish or unpublish reaches
   * crawlers within about a minute of our server knowing it.
   */
  crawlerFile: 'public, max-age=0, s-maxage=60, stale-while-revalidate=300',
  /** Bytes that never change at their address (stored pictures, crops). */
  immutable: 'public, max-age=31536000, immutable',
  /** Anything that depends on who asks or carries a secret: no cache anywhere may keep it. */
  personal: 'private, no-store',
  /**
   * A 404 or 410 of a route handler or proxy.ts: browsers ask again, a CDN
   * answers for a minute. Short, because the address may start to exist (an
   * article published, a withdrawn one restored); not zero, so a withdrawn
   * story's old audience does not all reach the server. Not-found pages get
   * the same minute from CACHE_SECONDS.notFound.
   */
  missing: 'public, max-age=0, s-maxage=60',
} as const;
