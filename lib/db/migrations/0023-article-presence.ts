import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../schema';

/**
 * Who has an article open in the editor (ADR 0047):
 * one row per editor's tab, refreshed every 15 s while the tab is visible
 * and counted for 45 s. In the database, not in a process's memory, so every
 * instance behind the load balancer sees the same editors.
 *
 * The row hangs off the session, not the account: signing out deletes the
 * session row and, by the cascade, the editor's marks with it, while the same
 * editor signed in elsewhere keeps theirs. Rows are swept by `seen_at` (its
 * own index) on every heartbeat. Touches only its own table, so it runs in
 * any order with the parallel branches' migrations.
 */
export function articlePresenceMigration(dialect: Dialect) {
  const timestamp = dialect === 'postgres' ? 'timestamptz' : 'text';
  return {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against a schema that is still changing
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('article_presence')
        .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('session_id', 'text', (c) => c.notNull().references('editor_sessions.id').onDelete('cascade'))
        .addColumn('tab_id', 'text', (c) => c.notNull())
        .addColumn('seen_at', sql.raw(timestamp), (c) => c.notNull())
        .addPrimaryKeyConstraint('article_presence_pk', ['article_id', 'session_id', 'tab_id'])
        .execute();
      // The sweep of expired rows, and the article list's "who has it open", read by time.
      await db.schema.createIndex('article_presence_by_time').on('article_presence').columns(['seen_at']).execute();
      // A session's rows, found by the cascade when it ends (PostgreSQL does not index a foreign key by itself).
      await db.schema.createIndex('article_presence_by_session').on('article_presence').columns(['session_id']).execute();
    },
  };
}
