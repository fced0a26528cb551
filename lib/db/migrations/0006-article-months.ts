import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../schema';

/**
 * How many published articles each Japan-time month holds, and when that
 * month's list last changed: the sitemap index reads these few rows instead
 * of counting every article (it lists one child sitemap per month, split at
 * 50,000 URLs). Triggers keep the table in step with `articles`, whoever
 * writes them (newsroom, scheduler, seed), as the search index is kept:
 * - an article counts while its status is `published`;
 * - `lastmod` is the newest `updated_at` (or `published_at`) of an article
 *   that entered or changed in the month, and the time of the change when
 *   one left it (unpublished, deleted or moved to another month): the
 *   month's sitemap changed then.
 * A month whose last article left keeps its row with 0 and is not listed.
 */
export function articleMonthsMigration(dialect: Dialect) {
  return {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against a schema that is still changing
    async up(db: Kysely<any>): Promise<void> {
      const timestamp = dialect === 'postgres' ? 'timestamptz' : 'text';
      await db.schema
        .createTable('article_months')
        .addColumn('month', 'text', (c) => c.primaryKey())
        .addColumn('articles', 'integer', (c) => c.notNull())
        .addColumn('lastmod', sql.raw(timestamp))
        .execute();
      // The section lists of the sitemap's pages part read each section's newest change through this index.
      await db.schema.createIndex('articles_section_updated').on('articles').columns(['section_slug', 'status', 'updated_at']).execute();
      if (dialect === 'sqlite') await sqliteTriggers(db);
      else await postgresTriggers(db);
      const month =
        dialect === 'postgres'
          ? sql`to_char(published_at at time zone 'Asia/Tokyo', 'YYYY-MM')`
          : sql`strftime('%Y-%m', published_at, '+9 hours')`;
      await sql`insert into article_months (month, articles, lastmod)
        select ${month}, count(*), max(coalesce(updated_at, published_at)) from articles
        where status = 'published' and published_at is not null group by ${month}`.execute(db);
    },
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
async function sqliteTriggers(db: Kysely<any>): Promise<void> {
  const month = (row: 'new' | 'old') => `strftime('%Y-%m', ${row}.published_at, '+9 hours')`;
  const counted = (row: 'new' | 'old') => `${row}.status = 'published' and ${row}.published_at is not null`;
  const sameMonth = `${counted('old')} and ${counted('new')} and ${month('old')} = ${month('new')}`;
  const now = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;
  // `where true` keeps SQLite's parser from reading the upsert's ON as a join's.
  const enter = `insert into article_months (month, articles, lastmod)
      select ${month('new')}, 1, coalesce(new.updated_at, new.published_at) where true
      on conflict (month) do update set articles = articles + 1, lastmod = max(coalesce(lastmod, ''), excluded.lastmod)`;
  const leave = `update article_months set articles = articles - 1, lastmod = max(coalesce(lastmod, ''), ${now}) where month = ${month('old')}`;
  await sql.raw(`create trigger article_months_insert after insert on articles when ${counted('new')} begin ${enter}; end`).execute(db);
  await sql.raw(`create trigger article_months_delete after delete on articles when ${counted('old')} begin ${leave}; end`).execute(db);
  await sql
    .raw(`create trigger article_months_leave after update of status, published_at on articles
      when ${counted('old')} and not (${sameMonth}) begin ${leave}; end`)
    .execute(db);
  await sql
    .raw(`create trigger article_months_enter after update of status, published_at on articles
      when ${counted('new')} and not (${sameMonth}) begin ${enter}; end`)
    .execute(db);
  await sql
    .raw(`create trigger article_months_change after update of updated_at, published_at on articles
      when ${sameMonth} begin
        update article_months set lastmod = max(coalesce(lastmod, ''), coalesce(new.updated_at, new.published_at)) where month = ${month('new')};
      end`)
    .execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
async function postgresTriggers(db: Kysely<any>): Promise<void> {
  await sql`create function kiji_article_months() returns trigger language plpgsql as $$
    declare
      old_month text := null;
      new_month text := null;
    begin
      if tg_op <> 'INSERT' and old.status = 'published' and old.published_at is not null then
        old_month := to_char(old.published_at at time zone 'Asia/Tokyo', 'YYYY-MM');
      end if;
      if tg_op <> 'DELETE' and new.status = 'published' and new.published_at is not null then
        new_month := to_char(new.published_at at time zone 'Asia/Tokyo', 'YYYY-MM');
      end if;
      if old_month is not null and new_month is not null and old_month = new_month then
        update article_months set lastmod = greatest(lastmod, coalesce(new.updated_at, new.published_at)) where month = new_month;
        return null;
      end if;
      if old_month is not null then
        update article_months set articles = articles - 1, lastmod = greatest(lastmod, now()) where month = old_month;
      end if;
      if new_month is not null then
        insert into article_months (month, articles, lastmod) values (new_month, 1, coalesce(new.updated_at, new.published_at))
        on conflict (month) do update set articles = article_months.articles + 1, lastmod = greatest(article_months.lastmod, excluded.lastmod);
      end if;
      return null;
    end
  $$`.execute(db);
  await sql`create trigger article_months after insert or delete or update of status, published_at, updated_at on articles
    for each row execute function kiji_article_months()`.execute(db);
}
