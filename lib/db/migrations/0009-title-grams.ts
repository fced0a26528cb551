import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../schema';

/**
 * An index of the one- and two-character pieces of every headline and
 * standfirst (lib/text/grams.ts), for search words too short for
 * trigrams (「関税」「AI」「北」): they were matched by scanning every
 * headline and standfirst, 83 ms of a 97 ms search at 100,000 articles.
 * - SQLite: an FTS5 table of the pieces, hex-encoded, kept by the search
 *   triggers of 0004 (recreated here) through `kiji_title_grams`, a function
 *   every connection registers (lib/db/connect.ts). It replaces
 *   `articles_title_fts`, which only that scan read.
 * - PostgreSQL: a GIN index on `kiji_title_grams(headline, standfirst)`, an
 *   immutable SQL function that returns the pieces as an array (the same
 *   pieces: lowercased, counted in code points, per field).
 */
export function titleGramsMigration(dialect: Dialect) {
  return {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against a schema that is still changing
    async up(db: Kysely<any>): Promise<void> {
      if (dialect === 'sqlite') {
        for (const trigger of ['articles_fts_insert', 'articles_fts_delete', 'articles_fts_update']) {
          await sql`drop trigger ${sql.id(trigger)}`.execute(db);
        }
        await sql`drop table articles_title_fts`.execute(db);
        // Tokens are hex, so the ascii tokenizer; no positions are needed (one token per word searched).
        await sql`create virtual table articles_title_grams using fts5(grams, tokenize='ascii', detail=none, columnsize=0)`.execute(db);
        await sql`create trigger articles_fts_insert after insert on articles begin
          insert into articles_fts(rowid, headline, standfirst, body) values (new.rowid, new.headline, new.standfirst, new.body);
          insert into articles_title_grams(rowid, grams) values (new.rowid, kiji_title_grams(new.headline, new.standfirst));
        end`.execute(db);
        await sql`create trigger articles_fts_delete after delete on articles begin
          insert into articles_fts(articles_fts, rowid, headline, standfirst, body) values ('delete', old.rowid, old.headline, old.standfirst, old.body);
          delete from articles_title_grams where rowid = old.rowid;
        end`.execute(db);
        await sql`create trigger articles_fts_update after update of headline, standfirst, body on articles begin
          insert into articles_fts(articles_fts, rowid, headline, standfirst, body) values ('delete', old.rowid, old.headline, old.standfirst, old.body);
          insert into articles_fts(rowid, headline, standfirst, body) values (new.rowid, new.headline, new.standfirst, new.body);
          update articles_title_grams set grams = kiji_title_grams(new.headline, new.standfirst) where rowid = new.rowid;
        end`.execute(db);
        await sql`insert into articles_title_grams(rowid, grams) select rowid, kiji_title_grams(headline, standfirst) from articles`.execute(db);
        return;
      }
      // Built-in functions only in the body: an index expression must not
      // depend on the search_path of whoever writes the row.
      // COST: computing an article's pieces is far dearer than PostgreSQL's
      // default guess for a function, which made a scan that computes them for
      // every row look cheaper than the index.
      await sql`create function kiji_title_grams(headline text, standfirst text) returns text[]
        language sql immutable parallel safe cost 10000 as $$
          select coalesce(array_agg(distinct g), '{}'::text[]) from (
            select substr(lower(f), i, n) as g
            from unnest(array[coalesce(headline, ''), coalesce(standfirst, '')]) as f,
                 (values (1), (2)) as sizes(n),
                 generate_series(1, char_length(f) - n + 1) as i
          ) as grams
        $$`.execute(db);
      await sql`create index articles_title_grams on articles using gin (kiji_title_grams(headline, standfirst))`.execute(db);
    },
  };
}
