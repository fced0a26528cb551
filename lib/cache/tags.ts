/**
 * Cache tags: every cached read declares its tags from here, and every write
 * (newsroom, scheduler) invalidates through the same constants.
 */
export const CACHE_TAGS = {
  /** Any public article list or page: publishing, correcting or unpublishing touches it. */
  articles: 'articles',
  article: (id: string) => `article:${id}`,
  /** One section's, topic's, tag's or series' listing pages: a publish touches only the ones its article is (or was) in. */
  section: (slug: string) => `section:${slug}`,
  topic: (slug: string) => `topic:${slug}`,
  tag: (slug: string) => `tag:${slug}`,
  series: (slug: string) => `series:${slug}`,
  taxonomy: 'taxonomy',
  magazine: 'magazine',
  publications: 'publications',
  /** The ニュース速報 ticker: raising or lowering a breaking flag touches it. */
  breaking: 'breaking',
  /** 人気ランキング: read from the snapshot the ranking job writes. */
  rankings: 'rankings',
} as const;

/** Seconds a cached read may be served before it is refreshed in the background (backstop for time-based changes). */
export const CACHE_SECONDS = {
  article: 3600,
  listing: 300,
  promo: 3600,
  /**
   * The ticker, and so every page that shows it (home, articles): expiries
   * and flags written without an invalidation reach readers within this
   * window plus one request (docs/adr/0005-breaking-and-rankings-freshness.md).
   */
  breaking: 30,
  /** Rankings are recomputed at most once a minute; reading them more often gains nothing. */
  rankings: 60,
  /** A 404 page (lib/cache/page-lifetime.ts): an address that starts to exist is seen within this window plus one request. */
  notFound: 60,
} as const;
