import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../schema';

/**
 * Live coverage, 速報ライブ (ADR 0036): an article is either an
 * ordinary one or a live page (`kind`), whose coverage runs from
 * `live_started_at` until the desk ends it (`live_ended_at`). Its stream is
 * `live_posts`, one row a post; a deleted post keeps its row (`deleted_at`)
 * so a reader's open page can be told it is gone and the history says who
 * posted what. Deleting an article deletes its posts.
 */
export function liveCoverageMigration(dialect: Dialect) {
  const timestamp = dialect === 'postgres' ? 'timestamptz' : 'text';
  return {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against a schema that is still changing
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('articles').addColumn('kind', 'text', (c) => c.notNull().defaultTo('article')).execute();
      await db.schema.alterTable('articles').addColumn('live_started_at', sql.raw(timestamp)).execute();
      await db.schema.alterTable('articles').addColumn('live_ended_at', sql.raw(timestamp)).execute();
      await db.schema
        .createTable('live_posts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('posted_at', sql.raw(timestamp), (c) => c.notNull())
        .addColumn('headline', 'text')
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('picture_src', 'text')
        .addColumn('picture_width', 'integer')
        .addColumn('picture_height', 'integer')
        .addColumn('picture_alt', 'text')
        .addColumn('editor_id', 'text', (c) => c.references('editors.id').onDelete('set null'))
        .addColumn('pinned', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('edited_at', sql.raw(timestamp))
        .addColumn('deleted_at', sql.raw(timestamp))
        .execute();
      // The stream and "posts after this one" read an article's posts in time order.
      await db.schema.createIndex('live_posts_by_article').on('live_posts').columns(['article_id', 'posted_at', 'id']).execute();
    },
  };
}
