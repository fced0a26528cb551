import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { Connection } from './connect';
import { prepareDatabase } from './prepare';
import { openTestSqlite } from '../../test/support/database';

describe('prepareDatabase on SQLite', () => {
  let conn: Connection | undefined;
  afterEach(async () => {
    await conn?.db.destroy();
    conn = undefined;
  });

  it('leaves the planner statistics that let the 速報 query use its index', async () => {
    conn = openTestSqlite();
    await prepareDatabase(conn, { seedDemo: true });
    const stats = await sql<{ tbl: string }>`select tbl from sqlite_stat1`.execute(conn.db);
    expect(stats.rows.map((r) => r.tbl)).toContain('articles');
    const plan = await sql<{ detail: string }>`explain query plan select id from articles where status = 'published' and published_at < '9999' and breaking_until > '2026-01-01'`.execute(conn.db);
    expect(plan.rows.map((r) => r.detail).join('\n')).toContain('articles_breaking');
    // Seeding the whole demo (images included) takes seconds on a quiet machine and
    // far longer on a busy one: an outcome is asserted here, never a speed.
  }, 180_000);
});
