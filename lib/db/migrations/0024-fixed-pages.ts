import { sql, type Kysely } from 'kysely';
import { FIXED_PAGES_ENACTED_AT, FIXED_PAGE_DEFAULTS } from '../../site/fixed-page-defaults';
import { FIXED_PAGE_SLUGS } from '../../site/pages';
import type { Dialect } from '../schema';

/**
 * The site's fixed pages (issues 15 and 16, ADR 0048): 会社概要,
 * プライバシーポリシー, 利用規約 and お問い合わせ, one row each, edited in the
 * newsroom. The rows are written here, with the wording the code carried
 * until now, so every database has the pages the moment it is migrated: a
 * fresh install (with or without the demo), and a site that already served
 * them from code. A migration runs once per database, so a page the desk
 * has changed is never written over by a later release.
 * Touches only its own table, so it lands in any order with 0023.
 */
export function fixedPagesMigration(dialect: Dialect) {
  const timestamp = dialect === 'postgres' ? 'timestamptz' : 'text';
  return {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against a schema that is still changing
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('fixed_pages')
        .addColumn('slug', 'text', (c) => c.primaryKey())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        // Bumped by every save: a save names the version its editor loaded, so a second editor's save is refused, not lost.
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1).check(sql`version >= 1`))
        .addColumn('updated_at', sql.raw(timestamp), (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.references('editors.id').onDelete('set null'))
        .execute();
      await db
        .insertInto('fixed_pages')
        .values(FIXED_PAGE_SLUGS.map((slug) => ({ slug, ...FIXED_PAGE_DEFAULTS[slug], version: 1, updated_at: FIXED_PAGES_ENACTED_AT, updated_by: null })))
        .execute();
    },
  };
}
