import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../schema';

/** The first schema: content model, magazine, publications and media. */
export function initialMigration(dialect: Dialect) {
  const timestamp = dialect === 'postgres' ? 'timestamptz' : 'text';
  const blob = dialect === 'postgres' ? 'bytea' : 'blob';
  return {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against a schema that is still changing
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('sections')
        .addColumn('slug', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('topics')
        .addColumn('slug', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('tags')
        .addColumn('slug', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('description', 'text')
        .execute();
      await db.schema
        .createTable('series')
        .addColumn('slug', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('sponsored', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('sponsor_name', 'text')
        .execute();
      await db.schema
        .createTable('authors')
        .addColumn('slug', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('agencies')
        .addColumn('slug', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('syndication_credit', 'text', (c) => c.notNull())
        .addColumn('copyright_line', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('articles')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('headline', 'text', (c) => c.notNull())
        .addColumn('standfirst', 'text')
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('section_slug', 'text', (c) => c.notNull().references('sections.slug'))
        .addColumn('hero_src', 'text')
        .addColumn('hero_width', 'integer')
        .addColumn('hero_height', 'integer')
        .addColumn('hero_alt', 'text')
        .addColumn('hero_caption', 'text')
        .addColumn('hero_credit', 'text')
        .addColumn('agency_slug', 'text', (c) => c.references('agencies.slug'))
        .addColumn('wire_code', 'text')
        .addColumn('breaking_until', sql.raw(timestamp))
        .addColumn('sponsored', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('series_slug', 'text', (c) => c.references('series.slug'))
        .addColumn('published_at', sql.raw(timestamp))
        .addColumn('updated_at', sql.raw(timestamp))
        .addColumn('created_at', sql.raw(timestamp), (c) => c.notNull())
        .execute();
      // Every public listing filters on status and sorts by publication time.
      await db.schema.createIndex('articles_status_published').on('articles').columns(['status', 'published_at']).execute();
      await db.schema
        .createIndex('articles_section_published')
        .on('articles')
        .columns(['section_slug', 'status', 'published_at'])
        .execute();
      await db.schema.createIndex('articles_series').on('articles').columns(['series_slug', 'published_at']).execute();

      for (const [table, column, target] of [
        ['article_topics', 'topic_slug', 'topics.slug'],
        ['article_tags', 'tag_slug', 'tags.slug'],
        ['article_authors', 'author_slug', 'authors.slug'],
      ] as const) {
        await db.schema
          .createTable(table)
          .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
          .addColumn(column, 'text', (c) => c.notNull().references(target))
          .addColumn('position', 'integer', (c) => c.notNull())
          .addPrimaryKeyConstraint(`${table}_pk`, ['article_id', column])
          .execute();
        // Topic, tag and author pages look articles up from the other side.
        await db.schema.createIndex(`${table}_by_${column}`).on(table).columns([column, 'article_id']).execute();
      }

      await db.schema
        .createTable('magazine_issues')
        .addColumn('slug', 'text', (c) => c.primaryKey())
        .addColumn('issue_date', 'text', (c) => c.notNull())
        .addColumn('on_sale_date', 'text', (c) => c.notNull())
        .addColumn('feature_title', 'text', (c) => c.notNull())
        .addColumn('blurb', 'text', (c) => c.notNull())
        .addColumn('cover_src', 'text', (c) => c.notNull())
        .addColumn('cover_width', 'integer', (c) => c.notNull())
        .addColumn('cover_height', 'integer', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('publications')
        .addColumn('slug', 'text', (c) => c.primaryKey())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('blurb', 'text', (c) => c.notNull())
        .addColumn('on_sale_date', 'text', (c) => c.notNull())
        .addColumn('on_sale', 'integer', (c) => c.notNull())
        .addColumn('price_yen', 'integer', (c) => c.notNull())
        .addColumn('cover_src', 'text', (c) => c.notNull())
        .addColumn('cover_width', 'integer', (c) => c.notNull())
        .addColumn('cover_height', 'integer', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('media')
        .addColumn('path', 'text', (c) => c.primaryKey())
        .addColumn('content_type', 'text', (c) => c.notNull())
        .addColumn('bytes', sql.raw(blob), (c) => c.notNull())
        .addColumn('width', 'integer', (c) => c.notNull())
        .addColumn('height', 'integer', (c) => c.notNull())
        .addColumn('created_at', sql.raw(timestamp), (c) => c.notNull())
        .execute();
    },
  };
}
