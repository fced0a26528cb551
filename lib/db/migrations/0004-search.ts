import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../schema';

/**
 * The expression PostgreSQL indexes and searches. The query must use the same
 * expression (lib/content/search.ts) or the planner ignores the index.
 */
export const PG_SEARCH_TEXT = `(headline || ' ' || coalesce(standfirst, '') || ' ' || body)`;

/**
 * Site search (docs/adr/0007-site-search.md). Japanese has no spaces between words, so both
 * engines index overlapping three-character pieces (trigrams) and find a
 * word anywhere inside a longer run of text:
 * - SQLite: an FTS5 table with the trigram tokenizer over headline,
 *   standfirst and body, kept in step with `articles` by triggers (whoever
 *   writes articles, the index follows);
 * - PostgreSQL: a GIN `pg_trgm` index on the joined text, used by ILIKE.
 * Status is not indexed: queries join back to `articles` and apply the same
 * public-only predicate as every other read.
 */
export function searchMigration(dialect: Dialect) {
  return {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against a schema that is still changing
    async up(db: Kysely<any>): Promise<void> {
      if (dialect === 'sqlite') {
        await sql`create virtual table articles_fts using fts5(
          headline, standfirst, body,
          content='articles', content_rowid='rowid', tokenize='trigram'
        )`.execute(db);
        // Headline and standfirst again, stored compactly: one- and two-character
        // words cannot use trigrams and are matched by scanning this instead of
        // the articles themselves (a tenth of the bytes: no bodies).
        await sql`create virtual table articles_title_fts using fts5(title, tokenize='trigram')`.execute(db);
        await sql`create trigger articles_fts_insert after insert on articles begin
          insert into articles_fts(rowid, headline, standfirst, body) values (new.rowid, new.headline, new.standfirst, new.body);
          insert into articles_title_fts(rowid, title) values (new.rowid, new.headline || ' ' || coalesce(new.standfirst, ''));
        end`.execute(db);
        await sql`create trigger articles_fts_delete after delete on articles begin
          insert into articles_fts(articles_fts, rowid, headline, standfirst, body) values ('delete', old.rowid, old.headline, old.standfirst, old.body);
          delete from articles_title_fts where rowid = old.rowid;
        end`.execute(db);
        // Only text edits touch the index; a status change (publish, unpublish) does not need to.
        await sql`create trigger articles_fts_update after update of headline, standfirst, body on articles begin
          insert into articles_fts(articles_fts, rowid, headline, standfirst, body) values ('delete', old.rowid, old.headline, old.standfirst, old.body);
          insert into articles_fts(rowid, headline, standfirst, body) values (new.rowid, new.headline, new.standfirst, new.body);
          update articles_title_fts set title = new.headline || ' ' || coalesce(new.standfirst, '') where rowid = new.rowid;
        end`.execute(db);
        await sql`insert into articles_fts(articles_fts) values ('rebuild')`.execute(db);
        await sql`insert into articles_title_fts(rowid, title) select rowid, headline || ' ' || coalesce(standfirst, '') from articles`.execute(db);
        return;
      }
      // The extension is database-wide. When it is missing we put it in
      // `public` rather than the current schema, so dropping one Kiji schema
      // (a test run's) never takes the extension from another; when it is
      // already there (in any schema) we use it where it is.
      const existing = await sql<{ schema: string }>`
        select n.nspname as schema from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm'
      `.execute(db);
      let schema = existing.rows[0]?.schema;
      if (!schema) {
        await sql`create extension if not exists pg_trgm schema public`.execute(db);
        schema = 'public';
      }
      await sql`create index articles_search_trgm on articles using gin (${sql.raw(PG_SEARCH_TEXT)} ${sql.id(schema)}.gin_trgm_ops)`.execute(db);
    },
  };
}
