import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../schema';

/** The link tables that say which articles a tag or topic has. */
const LINKS = [
  { table: 'article_tags', column: 'tag_slug' },
  { table: 'article_topics', column: 'topic_slug' },
] as const;

/**
 * Each tag and topic link row carries a copy of its article's `status` and
 * `published_at`, kept by triggers on both engines, and an index
 * `(slug, status, published_at, article_id)`: the newest public articles of
 * a tag are then the first rows of its index, whatever the tag's size.
 * Related reading (lib/content/related.ts) reads them so: at 100,000
 * articles a tag can have thousands, and filtering them through `articles`
 * grew the article page's render with the table.
 */
export function linkOrderMigration(dialect: Dialect) {
  const timestamp = dialect === 'postgres' ? 'timestamptz' : 'text';
  return {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against a schema that is still changing
    async up(db: Kysely<any>): Promise<void> {
      for (const { table, column } of LINKS) {
        await db.schema.alterTable(table).addColumn('status', 'text').execute();
        await db.schema.alterTable(table).addColumn('published_at', sql.raw(timestamp)).execute();
        await sql`update ${sql.table(table)} set
          status = (select a.status from articles a where a.id = ${sql.ref(`${table}.article_id`)}),
          published_at = (select a.published_at from articles a where a.id = ${sql.ref(`${table}.article_id`)})`.execute(db);
        await db.schema.createIndex(`${table}_newest`).on(table).columns([column, 'status', 'published_at', 'article_id']).execute();
      }
      if (dialect === 'sqlite') {
        for (const { table, column } of LINKS) {
          await sql
            .raw(`create trigger ${table}_copy after insert on ${table} begin
              update ${table} set
                status = (select status from articles where id = new.article_id),
                published_at = (select published_at from articles where id = new.article_id)
              where article_id = new.article_id and ${column} = new.${column};
            end`)
            .execute(db);
        }
        await sql
          .raw(`create trigger articles_to_links after update of status, published_at on articles begin
            update article_tags set status = new.status, published_at = new.published_at where article_id = new.id;
            update article_topics set status = new.status, published_at = new.published_at where article_id = new.id;
          end`)
          .execute(db);
        return;
      }
      await sql`create function kiji_link_copy() returns trigger language plpgsql as $$
        begin
          select a.status, a.published_at into new.status, new.published_at from articles a where a.id = new.article_id;
          return new;
        end
      $$`.execute(db);
      for (const { table } of LINKS) {
        await sql`create trigger ${sql.id(`${table}_copy`)} before insert on ${sql.table(table)}
          for each row execute function kiji_link_copy()`.execute(db);
      }
      await sql`create function kiji_article_to_links() returns trigger language plpgsql as $$
        begin
          if new.status is distinct from old.status or new.published_at is distinct from old.published_at then
            update article_tags set status = new.status, published_at = new.published_at where article_id = new.id;
            update article_topics set status = new.status, published_at = new.published_at where article_id = new.id;
          end if;
          return null;
        end
      $$`.execute(db);
      await sql`create trigger articles_to_links after update of status, published_at on articles
        for each row execute function kiji_article_to_links()`.execute(db);
    },
  };
}
