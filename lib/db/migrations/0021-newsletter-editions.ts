import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../schema';

/**
 * Newsletter editions (ADR 0044): an edition is a subject, an
 * intro and an ordered list of articles, drafted in the newsroom and sent
 * once to the confirmed subscribers. `newsletter_edition_mails` records the
 * mail each subscriber was given, keyed by edition and subscriber, so no
 * second send, double click or second editor can mail anyone twice; its
 * `outbox_id` is how the sent count reads delivery from the outbox.
 * Touches only its own tables, so it lands after 0019 and 0020 in any order.
 */
export function newsletterEditionsMigration(dialect: Dialect) {
  const timestamp = sql.raw(dialect === 'postgres' ? 'timestamptz' : 'text');
  return {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against a schema that is still changing
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('newsletter_editions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('intro', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        // Bumped by every save: a send names the revision the desk checked, so what goes out is what was previewed.
        .addColumn('revision', 'integer', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.references('editors.id').onDelete('set null'))
        .addColumn('updated_by', 'text', (c) => c.references('editors.id').onDelete('set null'))
        .addColumn('sent_by', 'text', (c) => c.references('editors.id').onDelete('set null'))
        .addColumn('created_at', timestamp, (c) => c.notNull())
        .addColumn('updated_at', timestamp, (c) => c.notNull())
        .addColumn('sent_at', timestamp)
        .addColumn('recipients', 'integer')
        .execute();
      await db.schema.createIndex('newsletter_editions_by_updated').on('newsletter_editions').column('updated_at').execute();
      await db.schema
        .createTable('newsletter_edition_articles')
        .addColumn('edition_id', 'text', (c) => c.notNull().references('newsletter_editions.id').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addPrimaryKeyConstraint('newsletter_edition_articles_pk', ['edition_id', 'position'])
        .addUniqueConstraint('newsletter_edition_articles_once', ['edition_id', 'article_id'])
        .execute();
      await db.schema
        .createTable('newsletter_edition_mails')
        .addColumn('edition_id', 'text', (c) => c.notNull().references('newsletter_editions.id').onDelete('cascade'))
        .addColumn('subscriber_id', 'text', (c) => c.notNull().references('newsletter_subscribers.id').onDelete('cascade'))
        // No foreign key: the outbox may one day be pruned of old sent mail, and this record stays.
        .addColumn('outbox_id', 'text', (c) => c.notNull())
        .addColumn('created_at', timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint('newsletter_edition_mails_pk', ['edition_id', 'subscriber_id'])
        .execute();
    },
  };
}
