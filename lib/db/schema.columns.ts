// What the migrations make (both engines), written by lib/db/schema.test.ts; `npx vitest run lib/db/schema.test.ts -u` rewrites it.
// The types below fail `npm run typecheck` when lib/db/schema.ts declares something else.
import type { Selectable } from 'kysely';
import type { Database } from './schema';

export const MIGRATED_COLUMNS = {
  agencies: { copyright_line: 'not null', name: 'not null', slug: 'not null', syndication_credit: 'not null' },
  article_authors: { article_id: 'not null', author_slug: 'not null', position: 'not null' },
  article_corrections: { article_id: 'not null', created_at: 'not null', editor_id: 'null', id: 'not null', revision_number: 'not null', text: 'not null' },
  article_months: { articles: 'not null', lastmod: 'null', month: 'not null' },
  article_paths: { article_id: 'not null', created_at: 'not null', current: 'not null', path: 'not null' },
  article_presence: { article_id: 'not null', seen_at: 'not null', session_id: 'not null', tab_id: 'not null' },
  article_revisions: { action: 'not null', article_id: 'not null', created_at: 'not null', editor_id: 'null', id: 'not null', note: 'null', number: 'not null', snapshot: 'not null' },
  article_tags: { article_id: 'not null', position: 'not null', published_at: 'null', status: 'null', tag_slug: 'not null' },
  article_topics: { article_id: 'not null', position: 'not null', published_at: 'null', status: 'null', topic_slug: 'not null' },
  article_view_rankings: { computed_at: 'not null', entries: 'not null', latest_view_at: 'null', period: 'not null' },
  article_view_state: { at: 'not null', name: 'not null' },
  article_views: { article_id: 'not null', hour: 'not null', views: 'not null' },
  articles: { agency_slug: 'null', body: 'not null', breaking_at: 'null', breaking_until: 'null', created_at: 'not null', deleted_at: 'null', headline: 'not null', hero_alt: 'null', hero_caption: 'null', hero_credit: 'null', hero_height: 'null', hero_src: 'null', hero_width: 'null', id: 'not null', kind: 'not null', live_ended_at: 'null', live_started_at: 'null', published_at: 'null', section_slug: 'not null', seo_description: 'null', seo_title: 'null', series_slug: 'null', social_height: 'null', social_src: 'null', social_width: 'null', sponsored: 'not null', standfirst: 'null', status: 'not null', updated_at: 'null', wire_code: 'null' },
  authors: { name: 'not null', portrait_height: 'null', portrait_src: 'null', portrait_width: 'null', profile: 'not null', role: 'not null', slug: 'not null' },
  cache_invalidations: { at: 'not null', expire: 'not null', tag: 'not null' },
  editor_recovery_codes: { code_hash: 'not null', created_at: 'not null', editor_id: 'not null', used_at: 'null' },
  editor_sessions: { created_at: 'not null', editor_id: 'not null', expires_at: 'not null', id: 'not null' },
  editors: { created_at: 'not null', id: 'not null', login: 'not null', name: 'not null', password_changed_at: 'not null', password_hash: 'not null', role: 'not null', totp_enabled_at: 'null', totp_last_step: 'null', totp_pending_secret: 'null', totp_secret: 'null' },
  fixed_pages: { body: 'not null', description: 'not null', slug: 'not null', title: 'not null', updated_at: 'not null', updated_by: 'null', version: 'not null' },
  front_page_slots: { article_id: 'not null', pinned_at: 'not null', pinned_by: 'null', slot: 'not null' },
  live_posts: { article_id: 'not null', body: 'not null', deleted_at: 'null', edited_at: 'null', editor_id: 'null', headline: 'null', id: 'not null', picture_alt: 'null', picture_height: 'null', picture_src: 'null', picture_width: 'null', pinned: 'not null', posted_at: 'not null' },
  magazine_issue_articles: { article_id: 'not null', issue_slug: 'not null', position: 'not null' },
  magazine_issues: { blurb: 'not null', cover_height: 'not null', cover_src: 'not null', cover_width: 'not null', feature_title: 'not null', issue_date: 'not null', on_sale_date: 'not null', revision: 'not null', slug: 'not null', updated_at: 'null', updated_by: 'null' },
  mail_outbox: { attempts: 'not null', claim_expires_at: 'null', claimed_by: 'null', created_at: 'not null', from_address: 'not null', headers: 'not null', html_body: 'not null', id: 'not null', kind: 'not null', last_error: 'null', message_id: 'null', next_attempt_at: 'not null', sent_at: 'null', status: 'not null', subject: 'not null', text_body: 'not null', to_address: 'not null' },
  media: { bytes: 'not null', content_type: 'not null', created_at: 'not null', height: 'not null', path: 'not null', width: 'not null' },
  newsletter_confirmations: { created_at: 'not null', expires_at: 'not null', subscriber_id: 'not null', token_hash: 'not null', used_at: 'null' },
  newsletter_consents: { created_at: 'not null', email: 'not null', event: 'not null', form_version: 'null', id: 'not null', ip_hash: 'null', placement: 'null', subscriber_id: 'not null', wording: 'null' },
  newsletter_edition_articles: { article_id: 'not null', edition_id: 'not null', position: 'not null' },
  newsletter_edition_mails: { created_at: 'not null', edition_id: 'not null', outbox_id: 'not null', subscriber_id: 'not null' },
  newsletter_editions: { created_at: 'not null', created_by: 'null', id: 'not null', intro: 'not null', recipients: 'null', revision: 'not null', sent_at: 'null', sent_by: 'null', status: 'not null', subject: 'not null', updated_at: 'not null', updated_by: 'null' },
  newsletter_subscribers: { confirmed_at: 'null', created_at: 'not null', email: 'not null', id: 'not null', status: 'not null', unsubscribed_at: 'null', updated_at: 'not null' },
  newsroom_settings: { name: 'not null', updated_at: 'not null', updated_by: 'null', value: 'not null' },
  pictures: { alt: 'not null', byte_size: 'null', caption: 'not null', created_at: 'not null', credit: 'not null', height: 'not null', id: 'not null', src: 'not null', uploaded_by: 'null', width: 'not null' },
  preview_links: { article_id: 'not null', created_at: 'not null', created_by: 'null', expires_at: 'not null', id: 'not null', revoked_at: 'null' },
  publications: { blurb: 'not null', cover_height: 'not null', cover_src: 'not null', cover_width: 'not null', kind: 'not null', on_sale: 'not null', on_sale_date: 'not null', price_yen: 'not null', revision: 'not null', slug: 'not null', title: 'not null', updated_at: 'null', updated_by: 'null' },
  rate_limits: { hits: 'not null', key: 'not null', window_started_at: 'not null' },
  sections: { description: 'not null', name: 'not null', position: 'not null', slug: 'not null' },
  series: { description: 'not null', name: 'not null', slug: 'not null', sponsor_name: 'null', sponsored: 'not null' },
  server_secrets: { created_at: 'not null', name: 'not null', value: 'not null' },
  tags: { description: 'null', kind: 'not null', name: 'not null', slug: 'not null' },
  topics: { description: 'not null', name: 'not null', slug: 'not null' },
} as const;

type Migrated = typeof MIGRATED_COLUMNS;
/** What a select of each column returns, as schema.ts declares it. */
type Declared = { [T in keyof Database]: Selectable<Database[T]> };
/** 'null' where the declared select type admits null. */
type DeclaredNull = { [T in keyof Declared]: { [C in keyof Declared[T]]-?: null extends Declared[T][C] ? 'null' : 'not null' } };

/** Resolves to `true` only when A and B are the same type. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;

export type TablesAgree = Assert<Same<keyof Migrated, keyof Database>>;
// A column that is optional in the type (written only by triggers) comes with `undefined` among the keys.
export type ColumnsAgree = Assert<Same<{ [T in keyof Migrated]: keyof Migrated[T] }, { [T in keyof Database]: Exclude<keyof Declared[T], undefined> }>>;
/** Per table, since one comparison of the whole nested type is more than the checker resolves. */
export type NullsAgree = Assert<Same<{ [T in keyof Migrated]: Same<{ -readonly [C in keyof Migrated[T]]: Migrated[T][C] }, DeclaredNull[T]> }[keyof Migrated], true>>;
