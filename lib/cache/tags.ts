/**
 * Cache tags: every cached read declares its tags from here, and every write
 * (newsroom, scheduler) invalidates through the same constants. A page
 * carries the tags of what it shows and nothing more; which writes touch
 * which tag is docs/adr/0018-page-lifetimes-and-tags.md.
 */
export const CACHE_TAGS = {
  /**
   * The site-wide lists of newest articles: the home page, RSS feeds,
   * sitemaps, and the rails snapshot. Every publish, correction and
   * withdrawal touches it; no article page carries it.
   */
  articles: 'articles',
  /**
   * One article: its own pages, and every page that shows its card in a
   * あわせて読みたい row (so a correction or withdrawal reaches those too).
   */
  article: (id: string) => `article:${id}`,
  /**
   * One live page's stream of posts (docs/adr/0036-live-coverage.md): only
   * that page carries it, so a post, an edit, a delete or a pin re-renders
   * the live page and nothing else; the pages showing its card keep theirs.
   * The first post and the end of coverage change the card's LIVE badge, so
   * they touch what a publish does: `article`, `articles` and the listings
   * the story is in (docs/adr/0039-live-pages-around-the-site.md).
   */
  live: (id: string) => `live:${id}`,
  /** One section's, topic's, tag's or series' listing pages: a publish touches only the ones its article is (or was) in. */
  section: (slug: string) => `section:${slug}`,
  topic: (slug: string) => `topic:${slug}`,
  tag: (slug: string) => `tag:${slug}`,
  series: (slug: string) => `series:${slug}`,
  /**
   * One author's page (docs/adr/0050-topic-series-and-author-pages.md):
   * touched by an edit of their profile, portrait, name or 肩書き; publishes
   * reach it through `articles`, which it carries too.
   */
  author: (slug: string) => `author:${slug}`,
  /**
   * Every article page whose byline names this author (ADR 0050): touched
   * only when their name or 肩書き changes, the two things a byline prints.
   */
  byline: (slug: string) => `byline:${slug}`,
  /**
   * Names and words of sections, topics, tags and series wherever they are
   * shown outside their own listing: article pages (chips, the series box),
   * every listing's cards (the topic label above the headline), the
   * sidebar's 連載 box (home and article pages), feeds and sitemaps. Touched
   * by a topic's rename and by any change of a series (ADR 0050): rare, and
   * what they change is on nearly every page anyway.
   */
  taxonomy: 'taxonomy',
  /**
   * The magazine's issues as listed: /magazine, each issue's page, the
   * 最新号 block in the sidebar of the home and article pages, and the
   * sitemaps. A new issue or a change to an issue's date, title, blurb or
   * cover touches it (docs/adr/0049-magazine-desk.md).
   */
  magazine: 'magazine',
  /**
   * One issue's contents (目次): its own page, and /magazine while it is the
   * issue on sale. Changing only which articles an issue lists touches this
   * and not `magazine`, so the article pages' sidebars stay cached; the
   * cards themselves carry their articles' tags.
   */
  magazineIssue: (slug: string) => `magazine-issue:${slug}`,
  /** Mooks and special editions: /publications and the sidebar's 別冊・ムック block. */
  publications: 'publications',
  /**
   * The desk's front page (docs/adr/0033-front-page.md): which stories are
   * pinned as the home lead and featured. Only the home page carries it, so
   * pinning re-renders the home page and nothing else; the pinned stories'
   * own changes reach it through `articles`, as every publish does.
   */
  frontPage: 'front-page',
  /**
   * One of the site's fixed pages (会社概要, プライバシーポリシー, 利用規約,
   * お問い合わせ; docs/adr/0048-fixed-pages.md): only that page carries it, so
   * the newsroom's save re-renders it and nothing else.
   */
  fixedPage: (slug: string) => `fixed-page:${slug}`,
  /** Any fixed page saved: the sitemap of pages, which dates each by its last save. */
  fixedPages: 'fixed-pages',
  /** A breaking flag raised or lowered: the home page (its 速報 strip) and the rails snapshot. */
  breaking: 'breaking',
  /** 人気ランキング: /ranking and the rails snapshot. */
  rankings: 'rankings',
} as const;

/** Seconds a cached read may be served before it is refreshed in the background (backstop for time-based changes). */
export const CACHE_SECONDS = {
  /**
   * Articles, listings and the home page live until a write invalidates
   * their tags; a day is only the backstop for what no writer announces
   * (an edit straight in the database).
   */
  article: 86_400,
  listing: 86_400,
  /** The magazine on sale, publications and series: a new issue goes on sale by date, so a day at most. */
  promo: 86_400,
  /** A fixed page changes only when the newsroom saves it, which invalidates its tag; a day is the backstop. */
  fixedPage: 86_400,
  /** Rankings are recomputed at most once a minute; reading them more often gains nothing. */
  rankings: 60,
  /** A 404 page (lib/cache/page-lifetime.ts): an address that starts to exist is seen within this window plus one request. */
  notFound: 60,
} as const;
