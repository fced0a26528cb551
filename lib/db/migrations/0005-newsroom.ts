import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../schema';

/**
 * The newsroom: editor accounts and their sessions, sign-in failures (for
 * rate limits that hold across instances and restarts), article revisions,
 * every path an article was ever public at (for 301s), shareable preview
 * links, and the generated server secret when KIJI_SECRET is not set.
 */
export function newsroomMigration(dialect: Dialect) {
  const timestamp = dialect === 'postgres' ? 'timestamptz' : 'text';
  return {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against a schema that is still changing
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('editors')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('login', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', sql.raw(timestamp), (c) => c.notNull())
        .addColumn('password_changed_at', sql.raw(timestamp), (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('editor_sessions')
        // SHA-256 of the cookie's token: a copy of the table opens no session.
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('editor_id', 'text', (c) => c.notNull().references('editors.id').onDelete('cascade'))
        .addColumn('created_at', sql.raw(timestamp), (c) => c.notNull())
        .addColumn('expires_at', sql.raw(timestamp), (c) => c.notNull())
        .execute();
      await db.schema.createIndex('editor_sessions_by_editor').on('editor_sessions').column('editor_id').execute();
      await db.schema
        .createTable('sign_in_failures')
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('at', sql.raw(timestamp), (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sign_in_failures_by_key').on('sign_in_failures').columns(['key', 'at']).execute();
      await db.schema
        .createTable('article_revisions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('number', 'integer', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('editor_id', 'text', (c) => c.references('editors.id').onDelete('set null'))
        .addColumn('created_at', sql.raw(timestamp), (c) => c.notNull())
        .addColumn('snapshot', 'text', (c) => c.notNull())
        .addUniqueConstraint('article_revisions_number', ['article_id', 'number'])
        .execute();
      await db.schema
        .createTable('article_paths')
        .addColumn('path', 'text', (c) => c.primaryKey())
        .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('current', 'integer', (c) => c.notNull())
        .addColumn('created_at', sql.raw(timestamp), (c) => c.notNull())
        .execute();
      await db.schema.createIndex('article_paths_by_article').on('article_paths').columns(['article_id', 'current']).execute();
      await db.schema
        .createTable('preview_links')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('created_by', 'text', (c) => c.references('editors.id').onDelete('set null'))
        .addColumn('created_at', sql.raw(timestamp), (c) => c.notNull())
        .addColumn('expires_at', sql.raw(timestamp), (c) => c.notNull())
        .addColumn('revoked_at', sql.raw(timestamp))
        .execute();
      await db.schema.createIndex('preview_links_by_article').on('preview_links').column('article_id').execute();
      await db.schema
        .createTable('server_secrets')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('created_at', sql.raw(timestamp), (c) => c.notNull())
        .execute();
      // Tag invalidations live in the server's memory only (Next.js's tags
      // manifest); kept here so a restart can replay them (lib/newsroom/invalidate.ts).
      await db.schema
        .createTable('cache_invalidations')
        .addColumn('tag', 'text', (c) => c.primaryKey())
        .addColumn('at', sql.raw(timestamp), (c) => c.notNull())
        .execute();
      // The newsroom lists articles most recently edited first, with or without a status filter.
      await db.schema.createIndex('articles_status_updated').on('articles').columns(['status', 'updated_at']).execute();
      await db.schema.createIndex('articles_updated').on('articles').column('updated_at').execute();
    },
  };
}
