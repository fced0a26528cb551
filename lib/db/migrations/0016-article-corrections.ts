import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../schema';

/**
 * 訂正 notices (ADR 0034): each correction of a live article keeps the text
 * readers are shown, when it was published and by whom, and the revision it
 * was published with, so the notice stays in the article's history beside
 * the version it corrected. Deleting an article deletes its notices.
 */
export function articleCorrectionsMigration(dialect: Dialect) {
  const timestamp = dialect === 'postgres' ? 'timestamptz' : 'text';
  return {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against a schema that is still changing
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('article_corrections')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('revision_number', 'integer', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('editor_id', 'text', (c) => c.references('editors.id').onDelete('set null'))
        .addColumn('created_at', sql.raw(timestamp), (c) => c.notNull())
        .execute();
      // The article page reads an article's notices in order.
      await db.schema.createIndex('article_corrections_by_article').on('article_corrections').columns(['article_id', 'created_at']).execute();
    },
  };
}
