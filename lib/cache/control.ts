/**
 * The Cache-Control values Kiji sets itself, one per policy, so every route
 * that shares a policy says it the same way (docs/architecture.md, "Cache
 * headers"; asserted route by route in e2e/cache-headers.spec.ts).
 *
 * All numbers are seconds.
 */
export const CACHE_CONTROL = {
  /**
   * Reader pages (home, articles, listings, magazine, ranking), set in
   * next.config.ts `headers()` for their routes. Our own cache keeps them
   * until a write invalidates their tags (a day's backstop), but a CDN
   * cannot hear those invalidations: it keeps a copy for a minute, may hand
   * out a stale one for a day while it fetches the next, and so shows a
   * correction or withdrawal within about a minute. Next.js would otherwise
   * send `s-maxage=<revalidate>`, a day. Draft-mode renders and errors still
   * get Next.js's `private, no-cache, no-store` (it sets that over ours).
   */
  page: 'public, max-age=0, s-maxage=60, stale-while-revalidate=86400',
  /**
   * Sitemaps, the news sitemap, RSS feeds and robots.txt: browsers ask each
   * time; a CDN keeps a copy for a minute and may answer from a stale one for
   * five more while it fetches the next, so a publish or unpublish reaches
   * crawlers within about a minute of our server knowing it.
   */
  crawlerFile: 'public, max-age=0, s-maxage=60, stale-while-revalidate=300',
  /**
   * GET /api/rails, which every open page polls: a CDN answers all readers
   * from one copy for 10 s (and from a stale one for 20 more while it asks
   * again), so the poll costs about the same for ten thousand readers as for
   * one; a flag or publish still reaches their screens within a minute
   * (docs/adr/0018-page-lifetimes-and-tags.md).
   */
  rails: 'public, max-age=0, s-maxage=10, stale-while-revalidate=20',
  /**
   * GET /api/live/{id}?after=…, which every open live page polls every few
   * seconds (ADR 0036): a CDN answers all readers who have the same newest
   * post from one copy for 5 s, so ten thousand readers cost about what one
   * does, and a post reaches their screens within the poll interval plus
   * these 5 s. No stale-while-revalidate: a stale answer is a late post.
   */
  liveUpdates: 'public, max-age=0, s-maxage=5',
  /** Bytes that never change at their address (stored pictures, crops). */
  immutable: 'public, max-age=31536000, immutable',
  /** The state of one instance at this moment (GET /api/health): worthless a second later, so nothing keeps it. */
  status: 'no-store',
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
