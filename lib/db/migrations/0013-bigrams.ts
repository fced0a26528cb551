import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../schema';

/**
 * An index of the two-character pieces (bigrams) of every headline,
 * standfirst and body (lib/text/grams.ts), so two-character words
 * (「関税」, the commonest Japanese searches) are found in the body too, not
 * only where migration 0009's headline and standfirst pieces reach (ADR
 * 0029). One-character words stay with 0009: one kanji is in nearly
 * every body.
 * - SQLite: a contentless FTS5 table of the pieces, hex-encoded as in 0009,
 *   written by triggers of its own through `kiji_bigrams`, a function every
 *   connection registers (lib/db/connect.ts). Contentless, because storing
 *   the hex of every body's pieces beside the index would take several times
 *   the bodies' own bytes; `contentless_delete` so the triggers can remove
 *   and rewrite a row without the old text.
 * - PostgreSQL: a GIN index on `kiji_bigrams(headline, standfirst, body)`,
 *   an immutable SQL function returning the same pieces as an array.
 */
export function bigramsMigration(dialect: Dialect) {
  return {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against a schema that is still changing
    async up(db: Kysely<any>): Promise<void> {
      if (dialect === 'sqlite') {
        // Only which articles hold a piece is needed: no positions, no column sizes to rank by.
        await sql`create virtual table articles_bigrams using fts5(
          grams, tokenize='ascii', content='', contentless_delete=1, detail=none
        )`.execute(db);
        await sql`create trigger articles_bigrams_insert after insert on articles begin
          insert into articles_bigrams(rowid, grams) values (new.rowid, kiji_bigrams(new.headline, new.standfirst, new.body));
        end`.execute(db);
        await sql`create trigger articles_bigrams_delete after delete on articles begin
          delete from articles_bigrams where rowid = old.rowid;
        end`.execute(db);
        // The newsroom writes the text back on every save and status change;
        // only a real change of it rewrites the article's pieces.
        await sql`create trigger articles_bigrams_update after update of headline, standfirst, body on articles
          when new.headline is not old.headline or new.standfirst is not old.standfirst or new.body is not old.body begin
          update articles_bigrams set grams = kiji_bigrams(new.headline, new.standfirst, new.body) where rowid = new.rowid;
        end`.execute(db);
        await sql`insert into articles_bigrams(rowid, grams) select rowid, kiji_bigrams(headline, standfirst, body) from articles`.execute(db);
        return;
      }
      // Built-in functions only, as in 0009. The characters come from
      // regexp_split_to_table and are paired with lead(): `substr(body, i, 2)`
      // walks the string from its start each time, 0.4 s for one long body.
      // COST as in 0009: dear to compute, so the planner must prefer the index.
      await sql`create function kiji_bigrams(headline text, standfirst text, body text) returns text[]
        language sql immutable parallel safe cost 10000 as $$
          select coalesce(array_agg(distinct g), '{}'::text[]) from (
            select c || lead(c) over (partition by f order by i) as g
            from unnest(array[coalesce(headline, ''), coalesce(standfirst, ''), coalesce(body, '')]) with ordinality as fields(t, f),
                 regexp_split_to_table(lower(t), '') with ordinality as chars(c, i)
          ) as pairs
          where g is not null and g !~ '[[:space:]]'
        $$`.execute(db);
      await sql`create index articles_bigrams on articles using gin (kiji_bigrams(headline, standfirst, body))`.execute(db);
    },
  };
}
