/**
 * Shapes of Kiji's hand-written demo content. The seed (lib/seed) turns these
 * into database rows; times are relative to the moment the seed runs so the
 * demo always looks current.
 */

export type SectionSlug = 'world' | 'business' | 'japan' | 'society' | 'technology' | 'culture';

/** Picture families the image generator can draw (lib/seed/images/motifs). */
export type Motif =
  | 'city'
  | 'harbor'
  | 'mountains'
  | 'fields'
  | 'chart'
  | 'circuit'
  | 'globe'
  | 'train'
  | 'stage'
  | 'books'
  | 'waves'
  | 'crowd'
  | 'podium'
  | 'hall'
  | 'factory'
  | 'paddy'
  | 'care'
  | 'storm'
  | 'bus'
  | 'market'
  | 'temple'
  | 'snow'
  | 'shelter'
  | 'office'
  | 'kitchen'
  | 'cinema'
  | 'server'
  | 'robot'
  | 'wind'
  | 'solar'
  | 'ship'
  | 'satellite'
  | 'coins'
  | 'phone'
  | 'shogi'
  | 'weather'
  | 'summit';

export type DemoTag = {
  slug: string;
  name: string;
  kind: 'person' | 'place' | 'organization';
  /** One line shown on the tag page. */
  description?: string;
};

export type DemoTopic = { slug: string; name: string; description: string };

export type DemoAgency = {
  slug: string;
  /** Shown as 【name】/[name] at the foot of a wire story. */
  name: string;
  syndicationCredit: string;
  /** `{year}` is replaced with the story's publication year (JST). */
  copyrightLine: string;
};

export type DemoSeries = {
  slug: string;
  name: string;
  description: string;
  sponsored: boolean;
  /** The advertiser named on sponsored series. */
  sponsorName?: string;
};

/** A byline's person; `profile` is the author page's プロフィール (ADR 0050). */
export type DemoAuthor = { slug: string; name: string; role: string; profile?: string };

/**
 * A demo article. `body` is written in Kiji's Markdown dialect
 * (docs/markdown-dialect.md): paragraphs, `## ` sub-headings, `> ` quotes,
 * `- ` lists, links, `::figure[caption]{src alt credit}` images and a
 * `::pagebreak` line between pages of a multi-page article.
 */
export type DemoArticle = {
  /** Unique ASCII key; the article's public id is derived from it. */
  key: string;
  section: SectionSlug;
  headline: string;
  standfirst?: string;
  body: string;
  /** Topic slugs; the first is the label shown above the headline. */
  topics?: string[];
  /** Tag slugs (people, places, organisations) from taxonomy.ts. */
  tags: string[];
  /** Author slugs; wire stories usually have none. */
  authors?: string[];
  /** Present on wire stories. `code` is the agency's own story reference. */
  wire?: { agency: string; code: string };
  /**
   * When it was (or will be) published: either `daysAgo` whole days before
   * the seed date (negative = in the future, for scheduled pieces) at `time`
   * (HH:MM, Japan time), or `hoursAgo` hours before the seed moment (for the
   * last day's news, so it is never in the future whatever hour the seed runs).
   */
  published: { daysAgo: number; time: string } | { hoursAgo: number };
  /** Minutes after publication that a correction was made (shows 更新). */
  updatedAfterMinutes?: number;
  /** Omitted = published. */
  status?: 'draft' | 'scheduled';
  /** Breaking-news flag; it expires `breakingHours` after publication. */
  breakingHours?: number;
  series?: string;
  hero: { motif: Motif; alt: string; caption: string; credit: string };
  /** A live page (速報ライブ, ADR 0036): `body` is its lead; coverage starts at publication. */
  live?: DemoLive;
};

/** A live page's stream: posts by minutes after coverage began, and when the desk ended it. */
export type DemoLive = {
  /** Minutes after publication that coverage was ended; omitted = still running. */
  endedAfterMinutes?: number;
  posts: { minutes: number; headline?: string; body: string; pinned?: boolean }[];
};

export type DemoMagazineIssue = {
  /** Weeks before the current issue (0 = the issue on sale now). */
  weeksAgo: number;
  featureTitle: string;
  blurb: string;
  motif: Motif;
  /** Keys of demo articles in the issue's contents (目次), in order (ADR 0049); the reader's page shows the public ones. */
  articles?: string[];
};

export type DemoPublication = {
  slug: string;
  title: string;
  kind: 'mook' | 'special';
  blurb: string;
  /** Days before the seed date that it went on sale. */
  onSaleDaysAgo: number;
  onSale: boolean;
  priceYen: number;
  motif: Motif;
};
