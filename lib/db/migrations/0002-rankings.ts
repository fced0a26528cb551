import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../schema';

/**
 * Breaking-news flag time and the page-view counter behind 人気ランキング:
 * hourly counts, the computed rankings the pages read, and two timestamps
 * (newest counted view, ranking-job lease).
 */
export function rankingsMigration(dialect: Dialect) {
  const timestamp = dialect === 'postgres' ? 'timestamptz' : 'text';
  return {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against a schema that is still changing
    async up(db: Kysely<any>): Promise<void> {
      // When an editor raised the flag: the ticker lists live flags newest
      // flag first, so a story flagged late (a developing older piece) still
      // goes to the top. `breaking_until` (0001) is the expiry.
      await db.schema.alterTable('articles').addColumn('breaking_at', sql.raw(timestamp)).execute();
      await db.schema.createIndex('articles_breaking').on('articles').columns(['breaking_until']).execute();

      // One row per article per JST hour (YYYYMMDDHH as an integer, so a
      // window is a range scan on the primary key). No foreign key: the
      // beacon checks the id before counting, and counts must never block
      // deleting an article.
      await db.schema
        .createTable('article_views')
        .addColumn('hour', 'integer', (c) => c.notNull())
        .addColumn('article_id', 'text', (c) => c.notNull())
        .addColumn('views', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('article_views_pk', ['hour', 'article_id'])
        .execute();

      // The rankings as last computed, one row per window; pages read only this.
      await db.schema
        .createTable('article_view_rankings')
        .addColumn('period', 'text', (c) => c.primaryKey())
        .addColumn('computed_at', sql.raw(timestamp), (c) => c.notNull())
        .addColumn('latest_view_at', sql.raw(timestamp))
        .addColumn('entries', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('article_view_state')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('at', sql.raw(timestamp), (c) => c.notNull())
        .execute();
    },
  };
}
