import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, type Connection } from '../db/connect';
import { dropTestPostgres, insertTestArticles, openTestPostgres, openTestSqlite } from '../../test/support/database';
import { runRankingJob } from './job';
import { readRankings } from './read';
import { SqlViewStore } from './sql-store';
import { addToCounts, type ViewCounts } from './store';
import { shiftHourKey, toHourKey } from './windows';

/** From counted views to what pages show, on both databases. */

const PG_SCHEMA = `kiji_ranking_read_${process.pid}`;
const NOW = new Date('2026-12-31T15:30:00Z'); // 00:30 JST, 1 January 2027
const HOUR = 3_600_000;
const ids = Array.from({ length: 14 }, (_, i) => `${'abcdefghjkmnpq'[i]}2345678`);
const DRAFT = 'r2345678';
const SCHEDULED = 's2345678';

const answers: Record<string, unknown> = {};

describe.each([
  ['sqlite', async () => openTestSqlite('kiji-ranking-read-')],
  ['postgres', () => openTestPostgres(PG_SCHEMA)],
] as const)('rankings on %s', (engine, open) => {
  let conn: Connection;
  let store: SqlViewStore;

  beforeAll(async () => {
    conn = await open();
    await migrateToLatest(conn);
    await insertTestArticles(conn, [
      ...ids.map((id, i) => ({ id, publishedAt: new Date(NOW.getTime() - (i + 1) * 24 * HOUR) })),
      { id: DRAFT, status: 'draft' as const, publishedAt: new Date(NOW.getTime() - HOUR) },
      { id: SCHEDULED, status: 'scheduled' as const, publishedAt: new Date(NOW.getTime() + HOUR) },
    ]);
    store = new SqlViewStore(conn.db);
    // Article i gets 100 - i views an hour ago; the draft and the scheduled piece get the most.
    const counts: ViewCounts = new Map();
    ids.forEach((id, i) => addToCounts(counts, shiftHourKey(toHourKey(NOW), 1), id, 100 - i));
    addToCounts(counts, toHourKey(NOW), DRAFT, 1000);
    addToCounts(counts, toHourKey(NOW), SCHEDULED, 900);
    await store.addViews(counts, NOW);
  }, 60_000);

  afterAll(async () => {
    await conn?.db.destroy();
    if (engine === 'postgres') await dropTestPostgres(PG_SCHEMA);
  });

  it('shows nothing before the job has run', async () => {
    const lists = await readRankings(store, conn.db, NOW);
    expect(lists.map((l) => [l.period, l.state, l.items.length])).toEqual([
      ['day', 'empty', 0],
      ['week', 'empty', 0],
      ['month', 'empty', 0],
    ]);
  });

  it('ranks public articles 1–10 per window, never a draft or scheduled piece', async () => {
    expect(await runRankingJob(store, NOW)).toBe(true);
    expect(await runRankingJob(store, new Date(NOW.getTime() + 30_000))).toBe(false); // at most once a minute
    const lists = await readRankings(store, conn.db, new Date(NOW.getTime() + 60_000));
    for (const list of lists) {
      expect(list.state).toBe('fresh');
      expect(list.computedAt).toBe(NOW.toISOString());
      expect(list.items.map((i) => i.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(list.items.map((i) => i.article.id)).toEqual(ids.slice(0, 10));
    }
    expect(lists.map((l) => l.label)).toEqual(['24時間', '週間', '月間']);
    answers[engine] = lists;
  });

  it('drops an unpublished article at once, without waiting for the job', async () => {
    await conn.db.updateTable('articles').set({ status: 'unpublished' }).where('id', '=', ids[0]!).execute();
    const [day] = await readRankings(store, conn.db, new Date(NOW.getTime() + 60_000));
    expect(day!.items.map((i) => i.article.id)).toEqual(ids.slice(1, 11));
    expect(day!.items[0]!.rank).toBe(1);
    await conn.db.updateTable('articles').set({ status: 'published' }).where('id', '=', ids[0]!).execute();
  });

  it('hides every window once the job has stopped for over an hour', async () => {
    const lists = await readRankings(store, conn.db, new Date(NOW.getTime() + 61 * 60_000));
    expect(lists.map((l) => [l.state, l.items.length])).toEqual([
      ['stale', 0],
      ['stale', 0],
      ['stale', 0],
    ]);
  });
});

describe('both databases', () => {
  it('rank alike', () => {
    expect(answers.postgres).toEqual(answers.sqlite);
  });
});
