import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../schema';

/**
 * The magazine desk (ADR 0049): an issue's contents (目次), the
 * articles of the printed issue that readers can open on the site, in the
 * desk's order; and on issues and publications, who changed them last, when,
 * and a revision that a save names so two desks cannot overwrite each other
 * unseen. Contents keep any article, whatever its status: the reader's read
 * joins them through the public filter, so a draft placed for next week's
 * issue shows from the moment it is published, and a withdrawn one drops
 * out. Renaming an issue (its date before it goes on sale) carries its
 * contents along (`on update cascade`). Touches only these tables, so it
 * runs in any order with the parallel branches' 0023 and 0024.
 */
export function magazineDeskMigration(dialect: Dialect) {
  const timestamp = sql.raw(dialect === 'postgres' ? 'timestamptz' : 'text');
  return {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against a schema that is still changing
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('magazine_issue_articles')
        .addColumn('issue_slug', 'text', (c) => c.notNull().references('magazine_issues.slug').onDelete('cascade').onUpdate('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addPrimaryKeyConstraint('magazine_issue_articles_pk', ['issue_slug', 'position'])
        .addUniqueConstraint('magazine_issue_articles_once', ['issue_slug', 'article_id'])
        .execute();
      // Deleting an article (a test, a restore) finds its places without a scan.
      await db.schema.createIndex('magazine_issue_articles_by_article').on('magazine_issue_articles').column('article_id').execute();
      for (const table of ['magazine_issues', 'publications']) {
        await db.schema
          .alterTable(table)
          .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
          .execute();
        await db.schema.alterTable(table).addColumn('updated_at', timestamp).execute();
        await db.schema
          .alterTable(table)
          .addColumn('updated_by', 'text', (c) => c.references('editors.id').onDelete('set null'))
          .execute();
      }
      // One issue per date: the date is the name (2026年3月17日号) and its address.
      await db.schema.createIndex('magazine_issues_by_date').on('magazine_issues').column('issue_date').unique().execute();
    },
  };
}
