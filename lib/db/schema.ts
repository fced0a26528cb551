/**
 * The database as Kysely sees it: one description for SQLite and PostgreSQL.
 *
 * Conventions that keep the two engines interchangeable:
 * - timestamps are ISO-8601 UTC strings in JS (`text` in SQLite,
 *   `timestamptz` in PostgreSQL, parsed back to ISO strings by the pool);
 * - calendar dates (magazine issue dates) are `YYYY-MM-DD` text in both;
 * - flags are integers 0/1 (better-sqlite3 cannot bind booleans).
 */
export type Database = {
  sections: SectionTable;
  topics: TopicTable;
  tags: TagTable;
  series: SeriesTable;
  authors: AuthorTable;
  agencies: AgencyTable;
  articles: ArticleTable;
  article_topics: ArticleLinkTable & { topic_slug: string };
  article_tags: ArticleLinkTable & { tag_slug: string };
  article_authors: ArticleLinkTable & { author_slug: string };
  magazine_issues: MagazineIssueTable;
  publications: PublicationTable;
  media: MediaTable;
  article_views: ArticleViewTable;
  article_view_rankings: ArticleViewRankingTable;
  article_view_state: ArticleViewStateTable;
};

export type ArticleStatus = 'draft' | 'scheduled' | 'published' | 'unpublished';

export type SectionTable = { slug: string; name: string; description: string; position: number };
export type TopicTable = { slug: string; name: string; description: string };
export type TagTable = { slug: string; name: string; kind: 'person' | 'place' | 'organization'; description: string | null };
export type SeriesTable = { slug: string; name: string; description: string; sponsored: number; sponsor_name: string | null };
export type AuthorTable = { slug: string; name: string; role: string };
export type AgencyTable = { slug: string; name: string; syndication_credit: string; copyright_line: string };

export type ArticleTable = {
  id: string;
  status: ArticleStatus;
  headline: string;
  standfirst: string | null;
  body: string;
  section_slug: string;
  hero_src: string | null;
  hero_width: number | null;
  hero_height: number | null;
  hero_alt: string | null;
  hero_caption: string | null;
  hero_credit: string | null;
  agency_slug: string | null;
  wire_code: string | null;
  breaking_until: string | null;
  /** When the breaking flag was raised (0002); the ticker sorts on it. */
  breaking_at: string | null;
  sponsored: number;
  series_slug: string | null;
  published_at: string | null;
  updated_at: string | null;
  created_at: string;
};

export type ArticleLinkTable = { article_id: string; position: number };

export type MagazineIssueTable = {
  slug: string;
  issue_date: string;
  on_sale_date: string;
  feature_title: string;
  blurb: string;
  cover_src: string;
  cover_width: number;
  cover_height: number;
};

export type PublicationTable = {
  slug: string;
  title: string;
  kind: 'mook' | 'special';
  blurb: string;
  on_sale_date: string;
  on_sale: number;
  price_yen: number;
  cover_src: string;
  cover_width: number;
  cover_height: number;
};

/** Image bytes live in the database so every instance behind a proxy serves the same files. */
export type MediaTable = {
  path: string;
  content_type: string;
  bytes: Uint8Array;
  width: number;
  height: number;
  created_at: string;
};

/** Page views per article per JST hour; `hour` is YYYYMMDDHH (lib/rankings/windows.ts). */
export type ArticleViewTable = { hour: number; article_id: string; views: number };

/** A computed ranking window; `entries` is JSON `[{ id, views }]`, most viewed first. */
export type ArticleViewRankingTable = { period: string; computed_at: string; latest_view_at: string | null; entries: string };

/** Named instants of the view counter: `latest_view` (newest counted view), `ranking_job` (lease). */
export type ArticleViewStateTable = { name: string; at: string };

export type Dialect = 'sqlite' | 'postgres';
