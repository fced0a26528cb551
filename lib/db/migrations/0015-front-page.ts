import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../schema';

/**
 * The desk's front page (ADR 0033): which article sits in each
 * curated slot of the home page. Slot 0 is the lead (トップ), slots 1… the
 * featured stories in the desk's order; an empty slot is no row, and the
 * automatic order fills it. An article holds at most one slot. Rows stay
 * when their article leaves public view (the read filters it out), so the
 * desk sees what dropped out; deleting the article deletes its pin.
 */
export function frontPageMigration(dialect: Dialect) {
  const timestamp = dialect === 'postgres' ? 'timestamptz' : 'text';
  return {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against a schema that is still changing
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('front_page_slots')
        .addColumn('slot', 'integer', (c) => c.primaryKey().check(sql`slot >= 0`))
        .addColumn('article_id', 'text', (c) => c.notNull().unique().references('articles.id').onDelete('cascade'))
        .addColumn('pinned_by', 'text', (c) => c.references('editors.id').onDelete('set null'))
        .addColumn('pinned_at', sql.raw(timestamp), (c) => c.notNull())
        .execute();
    },
  };
}
