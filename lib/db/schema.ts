import type { Generated } from 'kysely';

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
  article_topics: ArticleLinkTable & { topic_slug: string } & LinkOrder;
  article_tags: ArticleLinkTable & { tag_slug: string } & LinkOrder;
  article_authors: ArticleLinkTable & { author_slug: string };
  magazine_issues: MagazineIssueTable;
  publications: PublicationTable;
  magazine_issue_articles: MagazineIssueArticleTable;
  media: MediaTable;
  pictures: PictureTable;
  article_views: ArticleViewTable;
  article_view_rankings: ArticleViewRankingTable;
  article_view_state: ArticleViewStateTable;
  newsletter_subscribers: NewsletterSubscriberTable;
  newsletter_confirmations: NewsletterConfirmationTable;
  newsletter_consents: NewsletterConsentTable;
  mail_outbox: MailOutboxTable;
  rate_limits: RateLimitTable;
  editors: EditorTable;
  editor_sessions: EditorSessionTable;
  article_presence: ArticlePresenceTable;
  article_revisions: ArticleRevisionTable;
  article_paths: ArticlePathTable;
  preview_links: PreviewLinkTable;
  server_secrets: ServerSecretTable;
  cache_invalidations: CacheInvalidationTable;
  article_months: ArticleMonthTable;
  front_page_slots: FrontPageSlotTable;
  article_corrections: ArticleCorrectionTable;
  live_posts: LivePostTable;
  editor_recovery_codes: EditorRecoveryCodeTable;
  newsroom_settings: NewsroomSettingTable;
  newsletter_editions: NewsletterEditionTable;
  newsletter_edition_articles: NewsletterEditionArticleTable;
  newsletter_edition_mails: NewsletterEditionMailTable;
  fixed_pages: FixedPageTable;
};

/** Published articles per Japan-time month (`YYYY-MM`), kept by triggers (migration 0006): what the sitemap index lists. */
export type ArticleMonthTable = { month: string; articles: number; lastmod: string | null };

/** `submitted` (提出済み): a 記者's piece waiting for the desk (ADR 0032). Never public. */
export type ArticleStatus = 'draft' | 'submitted' | 'scheduled' | 'published' | 'unpublished';

export type SectionTable = { slug: string; name: string; description: string; position: number };
export type TopicTable = { slug: string; name: string; description: string };
export type TagTable = { slug: string; name: string; kind: 'person' | 'place' | 'organization'; description: string | null };
export type SeriesTable = { slug: string; name: string; description: string; sponsored: number; sponsor_name: string | null };
/**
 * A byline's person: name and 肩書き (`role`), and since 0026 (ADR 0050) the
 * author page's プロフィール (plain text, '' = none) and portrait, a library
 * picture's /media address and size (all three null = none).
 */
export type AuthorTable = {
  slug: string;
  name: string;
  role: string;
  profile: Generated<string>;
  portrait_src: string | null;
  portrait_width: number | null;
  portrait_height: number | null;
};
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
  /** Search and share wording when it differs from the headline and standfirst (0017); null = use those. */
  seo_title: string | null;
  seo_description: string | null;
  /** The link-preview picture when it is not the hero (0017): a stored upload; null = the hero's. */
  social_src: string | null;
  social_width: number | null;
  social_height: number | null;
  /** An ordinary article, or a live page whose body is a stream of posts (0018, ADR 0036). Defaults to 'article'. */
  kind: Generated<ArticleKind>;
  /** When a live page's coverage began and ended (0018); null for an ordinary article, and `ended` while it runs. */
  live_started_at: string | null;
  live_ended_at: string | null;
  /** When a never-published draft was deleted (0019, ADR 0041); null for every live row. Its revisions stay. */
  deleted_at: string | null;
  published_at: string | null;
  updated_at: string | null;
  created_at: string;
};

export type ArticleKind = 'article' | 'live';

export type ArticleLinkTable = { article_id: string; position: number };

/** The linked article's status and publication time, copied by triggers (migration 0008): never written by us. */
export type LinkOrder = { status?: ArticleStatus | null; published_at?: string | null };

export type MagazineIssueTable = {
  slug: string;
  issue_date: string;
  on_sale_date: string;
  feature_title: string;
  blurb: string;
  cover_src: string;
  cover_width: number;
  cover_height: number;
} & DeskEdits;

/**
 * Who last saved an issue or publication in the newsroom, when, and the
 * revision a save names (0025, ADR 0049); null for rows the seed wrote.
 */
export type DeskEdits = { revision: Generated<number>; updated_at: string | null; updated_by: string | null };

/** An issue's contents (目次, 0025): any article, in the desk's order; readers get the public ones. */
export type MagazineIssueArticleTable = { issue_slug: string; position: number; article_id: string };

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
} & DeskEdits;

/** Image bytes live in the database so every instance behind a proxy serves the same files. */
export type MediaTable = {
  path: string;
  content_type: string;
  bytes: Uint8Array;
  width: number;
  height: number;
  created_at: string;
};

/**
 * The picture library (0022, ADR 0046): each stored picture once, by its
 * /media `src`, with the words it is offered with. `byte_size` is the stored
 * file's; `uploaded_by` is null for pictures listed from older articles.
 */
export type PictureTable = {
  id: string;
  src: string;
  width: number;
  height: number;
  byte_size: number | null;
  caption: Generated<string>;
  credit: Generated<string>;
  alt: Generated<string>;
  uploaded_by: string | null;
  created_at: string;
};

/** Page views per article per JST hour; `hour` is YYYYMMDDHH (lib/rankings/windows.ts). */
export type ArticleViewTable = { hour: number; article_id: string; views: number };

/** A computed ranking window; `entries` is JSON `[{ id, views }]`, most viewed first. */
export type ArticleViewRankingTable = { period: string; computed_at: string; latest_view_at: string | null; entries: string };

/** Named instants of the view counter: `latest_view` (newest counted view), `ranking_job` (lease). */
export type ArticleViewStateTable = { name: string; at: string };

export type SubscriberStatus = 'pending' | 'active' | 'unsubscribed';

/** One address on the newsletter list; `email` is normalised (lib/newsletter/email.ts). */
export type NewsletterSubscriberTable = {
  id: string;
  email: string;
  status: SubscriberStatus;
  created_at: string;
  updated_at: string;
  confirmed_at: string | null;
  unsubscribed_at: string | null;
};

/** A confirmation link: only the SHA-256 of its token is stored; single use, expiring. */
export type NewsletterConfirmationTable = {
  token_hash: string;
  subscriber_id: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
};

/** The consent record (特定電子メール法): what was shown, when, from where (hashed). Never updated. */
export type NewsletterConsentTable = {
  id: string;
  subscriber_id: string;
  event: 'requested' | 'confirmed' | 'unsubscribed';
  email: string;
  form_version: string | null;
  placement: string | null;
  wording: string | null;
  ip_hash: string | null;
  created_at: string;
};

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'cancelled';

/** Mail waiting to be sent (or sent): the worker claims rows, so several instances never send one twice. */
export type MailOutboxTable = {
  id: string;
  kind: string;
  from_address: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  /** JSON object of extra headers (List-Unsubscribe …). */
  headers: string;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: string;
  claimed_by: string | null;
  claim_expires_at: string | null;
  last_error: string | null;
  message_id: string | null;
  created_at: string;
  sent_at: string | null;
};

/** Fixed-window request counters, in the database so every instance counts together. */
/** Fixed-window counters of every rate limit (lib/http/rate-limit.ts), keyed by limit and subject. */
export type RateLimitTable = { key: string; window_started_at: string; hits: number };

/** A newsroom account. `login` is lowercase; the hash is `scrypt$N$r$p$salt$key` (lib/newsroom/password.ts). */
export type EditorTable = {
  id: string;
  login: string;
  name: string;
  password_hash: string;
  created_at: string;
  password_changed_at: string;
  /** What the account may do (lib/newsroom/roles.ts, ADR 0032). */
  role: EditorRole;
  /** Two-factor sign-in (migration 0020, ADR 0043): the confirmed TOTP secret (base32), null while it is off. */
  totp_secret: string | null;
  /** A secret shown for enrolment and not yet confirmed by a code. */
  totp_pending_secret: string | null;
  totp_enabled_at: string | null;
  /** The last 30-second step a code was accepted for: a code is never accepted twice. */
  totp_last_step: number | null;
};

/** One-time recovery codes of an account with two-factor sign-in: the SHA-256 (hex) of each, never the code. */
export type EditorRecoveryCodeTable = { editor_id: string; code_hash: string; created_at: string; used_at: string | null };

/** What a 管理者 sets for the whole newsroom (lib/newsroom/newsroom-settings.ts), one row a setting. */
export type NewsroomSettingTable = { name: string; value: string; updated_at: string; updated_by: string | null };

/** 記者, デスク, 管理者. */
export type EditorRole = 'reporter' | 'desk' | 'admin';

/** `id` is the SHA-256 (hex) of the cookie's token, never the token itself. */
export type EditorSessionTable = { id: string; editor_id: string; created_at: string; expires_at: string };

/**
 * An editor's tab with an article open (0023, ADR 0047): `tab_id` is random,
 * made by the tab; `seen_at` its last heartbeat. Gone with the session.
 */
export type ArticlePresenceTable = { article_id: string; session_id: string; tab_id: string; seen_at: string };

/**
 * What made a revision. A live article is republished as `fix` (軽微な修正:
 * no 更新 shown), `update` (更新: the updated time moves) or `correct` (訂正:
 * the updated time moves and a notice is kept, ADR 0034); a 記者's piece is
 * `submit`ted and the desk may `return` it with a note (ADR 0032). A
 * never-published draft is `delete`d and `undelete`d by marking its row
 * (ADR 0041): the revision says who did it and when.
 */
export type RevisionAction =
  | 'create'
  | 'save'
  | 'autosave'
  | 'submit'
  | 'return'
  | 'publish'
  | 'schedule'
  | 'unschedule'
  | 'unpublish'
  | 'fix'
  | 'update'
  | 'correct'
  | 'restore'
  | 'delete'
  | 'undelete';

/** Every save keeps one; `snapshot` is the JSON of the editable fields (lib/newsroom/draft.ts). */
export type ArticleRevisionTable = {
  id: string;
  article_id: string;
  number: number;
  action: RevisionAction;
  editor_id: string | null;
  created_at: string;
  snapshot: string;
  /** Why the desk sent a piece back (action `return`); null otherwise. */
  note: string | null;
};

/** A 訂正 notice readers see on the article, in its JSON-LD and its feed item; `revision_number` is the revision it was published with. */
export type ArticleCorrectionTable = {
  id: string;
  article_id: string;
  revision_number: number;
  text: string;
  editor_id: string | null;
  created_at: string;
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

/**
 * The last time each cache tag was invalidated, and whether that time dropped
 * the pages (`now`) or marked them stale: replayed after a restart, read by
 * the other instances (lib/cache/invalidation-bus.ts).
 */
export type CacheInvalidationTable = { tag: string; at: string; expire: 'stale' | 'now' };

/**
 * The desk's front page (migration 0015, ADR 0033): slot 0 the lead, 1… the
 * featured stories in order; an article in at most one slot.
 */
export type FrontPageSlotTable = { slot: number; article_id: string; pinned_by: string | null; pinned_at: string };

/**
 * The site's fixed pages (migration 0024, ADR 0048): 会社概要, プライバシーポリシー,
 * 利用規約 and お問い合わせ, by slug, with the body in the house Markdown and
 * `{{…}}` places for the publisher's settings (lib/text/fixed-page-body.ts).
 * `version` counts saves, for the editor's conflict check; `updated_by` is
 * null for the wording an install starts with.
 */
export type FixedPageTable = {
  slug: string;
  title: string;
  description: string;
  body: string;
  version: number;
  updated_at: string;
  updated_by: string | null;
};

export type Dialect = 'sqlite' | 'postgres';

/** One post of a live page (0018, ADR 0036): the body in the house Markdown; a deleted post keeps its row. */
export type LivePostTable = {
  id: string;
  article_id: string;
  posted_at: string;
  headline: string | null;
  body: string;
  picture_src: string | null;
  picture_width: number | null;
  picture_height: number | null;
  picture_alt: string | null;
  editor_id: string | null;
  /** 0/1: shown among the 要点 at the top of the page. */
  pinned: Generated<number>;
  edited_at: string | null;
  deleted_at: string | null;
};

/** A newsletter edition (0021, ADR 0044): drafted in the newsroom, sent once; `recipients` is how many were mailed. */
export type NewsletterEditionTable = {
  id: string;
  subject: string;
  intro: string;
  status: EditionStatus;
  revision: number;
  created_by: string | null;
  updated_by: string | null;
  sent_by: string | null;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
  recipients: number | null;
};

export type EditionStatus = 'draft' | 'sent';

/** The articles of an edition, in the order the mail lists them (`position` from 0); each article once. */
export type NewsletterEditionArticleTable = { edition_id: string; position: number; article_id: string };

/** The mail an edition gave a subscriber: at most one per edition and subscriber, whoever pressed 送信 and how often. */
export type NewsletterEditionMailTable = { edition_id: string; subscriber_id: string; outbox_id: string; created_at: string };
