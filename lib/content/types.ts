import type { Block } from '../text/markdown';

/** Where an article stands in the newsroom (the schema's own type: the two must never differ). */
export type { ArticleStatus } from '../db/schema';

/** Render-ready domain objects: what pages and components receive. Times are ISO-8601 UTC strings. */

export type ImageRef = { src: string; width: number; height: number; alt: string };
export type HeroImage = ImageRef & { caption: string | null; credit: string | null };

export type SectionRef = { slug: string; name: string };
export type Section = SectionRef & { description: string };
export type TopicRef = { slug: string; name: string };
export type Topic = TopicRef & { description: string };
export type TagKind = 'person' | 'place' | 'organization';
export type TagRef = { slug: string; name: string; kind: TagKind };
export type Tag = TagRef & { description: string | null };
export type SeriesRef = { slug: string; name: string; sponsored: boolean; sponsorName: string | null };
export type Series = SeriesRef & { description: string };
export type AuthorRef = { slug: string; name: string; role: string };
/**
 * An author page's subject (ADR 0050): the byline's name and 肩書き, the
 * プロフィール ('' when none) and an optional portrait; `description` is the
 * profile, or the 肩書き, for metadata and structured data.
 */
export type Author = AuthorRef & { profile: string; portrait: ImageRef | null; description: string };

/** Where a wire story came from: shown under the body, never dropped. */
export type Attribution = {
  agencyName: string;
  syndicationCredit: string;
  copyrightLine: string;
  wireCode: string | null;
};

export type ArticleSummary = {
  id: string;
  url: string;
  headline: string;
  standfirst: string | null;
  section: SectionRef;
  /** The label above the headline: the article's first topic. */
  topic: TopicRef | null;
  publishedAt: string;
  updatedAt: string;
  hero: HeroImage | null;
  sponsored: boolean;
  /**
   * A live page whose coverage is running (ADR 0036, ADR 0039): its cards,
   * rails and ticker rows say 「LIVE」. Starting and ending coverage
   * invalidate the listings that show it; posts do not. Absent (falsy) in a
   * summary cached before it existed.
   */
  liveNow: boolean;
};

/** A 訂正 notice: what was wrong and what is right, as the desk published it, and when (ADR 0034). */
export type ArticleCorrection = { text: string; publishedAt: string };

export type Article = ArticleSummary & {
  topics: TopicRef[];
  tags: TagRef[];
  authors: AuthorRef[];
  series: SeriesRef | null;
  attribution: Attribution | null;
  /** The desk's own wording and picture for <title>, the meta description and link previews; null = the headline, standfirst and hero. */
  seo: { title: string | null; description: string | null; image: { src: string; width: number; height: number } | null };
  /** Body blocks split at page breaks; always at least one page. */
  pages: Block[][];
  readingMinutes: number;
  /** True when an 更新 or 訂正 moved the updated time past the publication time (a 軽微な修正 does not). */
  isUpdated: boolean;
  /** Every 訂正 notice, oldest first; empty for most articles. */
  corrections: ArticleCorrection[];
  /** A live page (速報ライブ, ADR 0036) shows its stream of posts (lib/live) after the body; undefined in an Article cached before 0018. */
  kind?: 'article' | 'live';
};

/** One page of a numbered listing. `page` is 1-based. */
export type Paged<T> = { items: T[]; page: number; totalPages: number; totalItems: number };

export type MagazineIssue = {
  slug: string;
  url: string;
  issueDate: string;
  onSaleDate: string;
  featureTitle: string;
  blurb: string;
  cover: ImageRef;
};

export type Publication = {
  slug: string;
  title: string;
  kind: 'mook' | 'special';
  blurb: string;
  onSaleDate: string;
  onSale: boolean;
  priceYen: number;
  cover: ImageRef;
};

export type HomePage = {
  /** The lead card: the desk's pin, else the newest story (docs/adr/0033-front-page.md). */
  lead: ArticleSummary | null;
  /** The desk's featured stories in its order, first in the list beside the lead. */
  featured: ArticleSummary[];
  /** The newest stories after those, none of them pinned: the rest of that list. */
  latest: ArticleSummary[];
  /** Whether the desk has pinned anything readers can see (the block is then 主なニュース, not 最新記事). */
  curated: boolean;
  sections: { section: SectionRef; articles: ArticleSummary[] }[];
};
