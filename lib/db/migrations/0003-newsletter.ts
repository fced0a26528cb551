import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../schema';

/**
 * The newsletter (メールマガジン): subscribers with confirmed opt-in, the
 * consent record 特定電子メール法 asks senders to keep, single-use
 * confirmation tokens, a mail outbox the worker sends from, rate-limit
 * counters shared by every instance, and the install's own hashing secret.
 */
export function newsletterMigration(dialect: Dialect) {
  const timestamp = sql.raw(dialect === 'postgres' ? 'timestamptz' : 'text');
  return {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against a schema that is still changing
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('newsletter_subscribers')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('created_at', timestamp, (c) => c.notNull())
        .addColumn('updated_at', timestamp, (c) => c.notNull())
        .addColumn('confirmed_at', timestamp)
        .addColumn('unsubscribed_at', timestamp)
        .execute();
      await db.schema
        .createTable('newsletter_confirmations')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('subscriber_id', 'text', (c) => c.notNull().references('newsletter_subscribers.id').onDelete('cascade'))
        .addColumn('created_at', timestamp, (c) => c.notNull())
        .addColumn('expires_at', timestamp, (c) => c.notNull())
        .addColumn('used_at', timestamp)
        .execute();
      await db.schema.createIndex('newsletter_confirmations_by_subscriber').on('newsletter_confirmations').column('subscriber_id').execute();
      await db.schema
        .createTable('newsletter_consents')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('subscriber_id', 'text', (c) => c.notNull().references('newsletter_subscribers.id').onDelete('cascade'))
        .addColumn('event', 'text', (c) => c.notNull())
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('form_version', 'text')
        .addColumn('placement', 'text')
        .addColumn('wording', 'text')
        .addColumn('ip_hash', 'text')
        .addColumn('created_at', timestamp, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('newsletter_consents_by_subscriber').on('newsletter_consents').columns(['subscriber_id', 'created_at']).execute();
      await db.schema
        .createTable('mail_outbox')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('from_address', 'text', (c) => c.notNull())
        .addColumn('to_address', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('text_body', 'text', (c) => c.notNull())
        .addColumn('html_body', 'text', (c) => c.notNull())
        .addColumn('headers', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('next_attempt_at', timestamp, (c) => c.notNull())
        .addColumn('claimed_by', 'text')
        .addColumn('claim_expires_at', timestamp)
        .addColumn('last_error', 'text')
        .addColumn('message_id', 'text')
        .addColumn('created_at', timestamp, (c) => c.notNull())
        .addColumn('sent_at', timestamp)
        .execute();
      // The worker's one question: what is due now, oldest first.
      await db.schema.createIndex('mail_outbox_due').on('mail_outbox').columns(['status', 'next_attempt_at']).execute();
      await db.schema.createIndex('mail_outbox_by_created').on('mail_outbox').column('created_at').execute();
      await db.schema
        .createTable('newsletter_rate_limits')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('window_started_at', timestamp, (c) => c.notNull())
        .addColumn('hits', 'integer', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('newsletter_secrets')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();
    },
  };
}
