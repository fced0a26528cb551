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
  editors: EditorTable;
  editor_sessions: EditorSessionTable;
  sign_in_failures: SignInFailureTable;
  article_revisions: ArticleRevisionTable;
  article_paths: ArticlePathTable;
  preview_links: PreviewLinkTable;
  server_secrets: ServerSecretTable;
  cache_invalidations: CacheInvalidationTable;
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

/** A newsroom account. `login` is lowercase; the hash is `scrypt$N$r$p$salt$key` (lib/newsroom/password.ts). */
export type EditorTable = {
  id: string;
  login: string;
  name: string;
  password_hash: string;
  created_at: string;
  password_changed_at: string;
};

/** `id` is the SHA-256 (hex) of the cookie's token, never the token itself. */
export type EditorSessionTable = { id: string; editor_id: string; created_at: string; expires_at: string };

/** One failed sign-in; `key` is `login:<name>` or `ip:<address>`. */
export type SignInFailureTable = { key: string; at: string };

export type RevisionAction = 'create' | 'save' | 'autosave' | 'publish' | 'schedule' | 'unschedule' | 'unpublish' | 'correct' | 'restore';

/** Every save keeps one; `snapshot` is the JSON of the editable fields (lib/newsroom/draft.ts). */
export type ArticleRevisionTable = {
  id: string;
  article_id: string;
  number: number;
  action: RevisionAction;
  editor_id: string | null;
  created_at: string;
  snapshot: string;
};

/** Every path an article was ever public at; `current` 0 means it now answers 301. */
export type ArticlePathTable = { path: string; article_id: string; current: number; created_at: string };

export type PreviewLinkTable = {
  id: string;
  article_id: string;
  created_by: string | null;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
};

export type ServerSecretTable = { name: string; value: string; created_at: string };

/** The last time each cache tag was invalidated, replayed after a restart. */
export type CacheInvalidationTable = { tag: string; at: string };

export type Dialect = 'sqlite' | 'postgres';
