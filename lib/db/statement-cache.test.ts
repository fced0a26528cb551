import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { STATEMENT_CACHE_SIZE, withStatementCache } from './connect';

describe('the SQLite statement cache', () => {
  let sqlite: BetterSqlite3.Database;
  afterEach(() => {
    if (sqlite.open) sqlite.close();
  });

  it('prepares a text once and hands the same statement back', () => {
    sqlite = new BetterSqlite3(':memory:');
    const cached = withStatementCache(sqlite);
    const first = cached.prepare('select 1 as one');
    expect(cached.prepare('select 1 as one')).toBe(first);
    expect(cached.prepare('select 2 as two')).not.toBe(first);
  });

  it('drops the least recently used statement past its size', () => {
    sqlite = new BetterSqlite3(':memory:');
    const cached = withStatementCache(sqlite);
    const oldest = cached.prepare('select 0');
    const kept = cached.prepare('select 1');
    for (let i = 2; i < STATEMENT_CACHE_SIZE; i++) cached.prepare(`select ${i}`);
    expect(cached.prepare('select 1')).toBe(kept); // used again: now the newest
    cached.prepare(`select ${STATEMENT_CACHE_SIZE}`); // one past the size
    expect(cached.prepare('select 1')).toBe(kept);
    expect(cached.prepare('select 0')).not.toBe(oldest);
  });

  it('gives Kysely the right rows when statements are reused, through a schema change and a stream', async () => {
    sqlite = new BetterSqlite3(':memory:');
    const db = new Kysely<{ notes: { id: number; body: string; extra?: string | null } }>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
    await db.schema.createTable('notes').addColumn('id', 'integer', (c) => c.primaryKey()).addColumn('body', 'text').execute();
    for (const [id, body] of [[1, 'あ'], [2, 'い'], [3, 'う']] as const) await db.insertInto('notes').values({ id, body }).execute();
    const byId = (id: number) => db.selectFrom('notes').selectAll().where('id', '=', id).executeTakeFirst();
    expect(await byId(2)).toEqual({ id: 2, body: 'い' });
    expect(await byId(3)).toEqual({ id: 3, body: 'う' });
    await sql`alter table notes add column extra text default '追記'`.execute(db);
    expect(await byId(2)).toEqual({ id: 2, body: 'い', extra: '追記' });
    const streamed: number[] = [];
    for await (const row of db.selectFrom('notes').select('id').orderBy('id').stream()) streamed.push(row.id);
    expect(streamed).toEqual([1, 2, 3]);
    await db.destroy();
    expect(sqlite.open).toBe(false);
  });
});
