import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, type Connection } from '../db/connect';
import { dropTestPostgres, openTestPostgres, openTestSqlite } from '../../test/support/database';
import { connectRedis, RedisViewStore } from './redis-store';
import { SqlViewStore } from './sql-store';
import { addToCounts, type RankingSnapshot, type ViewCounts, type ViewStore } from './store';
import { shiftHourKey, toHourKey, type RankingPeriod } from './windows';

/**
 * Both view-store backends against the same scenario: the site's database
 * (SQLite and PostgreSQL through one code path) and Redis (127.0.0.1:6379,
 * REDIS_TEST_URL to override, under a key prefix of this run's own that is
 * deleted afterwards).
 */

const PG_SCHEMA = `kiji_rankings_${process.pid}`;
const REDIS_URL = process.env.REDIS_TEST_URL ?? 'redis://127.0.0.1:6379';
const REDIS_PREFIX = `kiji-test:${process.pid}:${randomBytes(4).toString('hex')}:`;

// 00:10 JST on 1 December 2026: the 24-hour window reaches back into November.
const NOW = new Date('2026-11-30T15:10:00Z');
const H = toHourKey(NOW); // 2026120100
const ago = (hours: number) => shiftHourKey(H, hours);

/** Views placed on both sides of each window's edge. */
function scenario(): ViewCounts {
  const counts: ViewCounts = new Map();
  addToCounts(counts, ago(0), 'aaaaaaaa', 5); // this hour
  addToCounts(counts, ago(23), 'bbbbbbbb', 7); // oldest hour of 24時間 (01:00 JST, 30 Nov)
  addToCounts(counts, ago(24), 'cccccccc', 100); // just outside 24時間, inside 週間
  addToCounts(counts, ago(167), 'dddddddd', 3); // oldest hour of 週間
  addToCounts(counts, ago(168), 'eeeeeeee', 50); // just outside 週間, inside 月間
  addToCounts(counts, ago(719), 'ffffffff', 1); // oldest hour of 月間
  addToCounts(counts, ago(720), 'gggggggg', 1000); // outside every window
  return counts;
}

const answers: Record<string, unknown> = {};

type Backend = { store: ViewStore; close: () => Promise<void> };

async function sqlBackend(conn: Connection, cleanup: () => Promise<void> = async () => {}): Promise<Backend> {
  await migrateToLatest(conn);
  return {
    store: new SqlViewStore(conn.db),
    close: async () => {
      await conn.db.destroy();
      await cleanup();
    },
  };
}

async function redisBackend(): Promise<Backend> {
  const redis = await connectRedis(REDIS_URL);
  return {
    store: new RedisViewStore(redis, REDIS_PREFIX),
    close: async () => {
      const keys = await redis.keys(`${REDIS_PREFIX}*`);
      if (keys.length > 0) await redis.del(...keys);
      redis.disconnect();
    },
  };
}

describe.each([
  ['sqlite', () => sqlBackend(openTestSqlite('kiji-views-'))],
  ['postgres', async () => sqlBackend(await openTestPostgres(PG_SCHEMA), () => dropTestPostgres(PG_SCHEMA))],
  ['redis', redisBackend],
] as const)('view store on %s', (engine, open) => {
  let backend: Backend;
  let store: ViewStore;

  beforeAll(async () => {
    backend = await open();
    store = backend.store;
  }, 60_000);

  afterAll(async () => {
    await backend?.close();
  });

  it('starts with no views', async () => {
    expect(await store.getLatestViewAt()).toBeNull();
    expect(await store.sumWindow('month', NOW, 10)).toEqual([]);
    expect(await store.readRankings()).toEqual([]);
  });

  it('sums each window over exactly its hours, across JST midnight', async () => {
    await store.addViews(scenario(), NOW);
    const sums: Record<RankingPeriod, unknown> = {
      day: await store.sumWindow('day', NOW, 30),
      week: await store.sumWindow('week', NOW, 30),
      month: await store.sumWindow('month', NOW, 30),
    };
    expect(sums.day).toEqual([
      { id: 'bbbbbbbb', views: 7 },
      { id: 'aaaaaaaa', views: 5 },
    ]);
    expect(sums.week).toEqual([
      { id: 'cccccccc', views: 100 },
      { id: 'bbbbbbbb', views: 7 },
      { id: 'aaaaaaaa', views: 5 },
      { id: 'dddddddd', views: 3 },
    ]);
    expect(sums.month).toEqual([
      { id: 'cccccccc', views: 100 },
      { id: 'eeeeeeee', views: 50 },
      { id: 'bbbbbbbb', views: 7 },
      { id: 'aaaaaaaa', views: 5 },
      { id: 'dddddddd', views: 3 },
      { id: 'ffffffff', views: 1 },
    ]);
    answers[`${engine}:sums`] = sums;
  });

  it('adds later batches to the same hour and honours the limit', async () => {
    const more: ViewCounts = new Map();
    addToCounts(more, ago(0), 'aaaaaaaa', 10);
    addToCounts(more, ago(1), 'hhhhhhhh', 6);
    await store.addViews(more, NOW);
    expect(await store.sumWindow('day', NOW, 2)).toEqual([
      { id: 'aaaaaaaa', views: 15 },
      { id: 'bbbbbbbb', views: 7 },
    ]);
  });

  it('moves the newest-view time forward only', async () => {
    expect(await store.getLatestViewAt()).toBe(NOW.toISOString());
    await store.addViews(scenario(), new Date(NOW.getTime() - 3_600_000)); // a late batch
    expect(await store.getLatestViewAt()).toBe(NOW.toISOString());
    const next = new Date(NOW.getTime() + 5_000);
    await store.addViews(scenario(), next);
    expect(await store.getLatestViewAt()).toBe(next.toISOString());
  });

  it('lets one caller per lease run the job', async () => {
    expect(await store.claimJob(NOW, 60_000)).toBe(true);
    expect(await store.claimJob(new Date(NOW.getTime() + 1_000), 60_000)).toBe(false);
    expect(await store.claimJob(new Date(NOW.getTime() + 59_999), 60_000)).toBe(false);
    expect(await store.claimJob(new Date(NOW.getTime() + 60_000), 60_000)).toBe(true);
  });

  it('marks a name once, for the first caller only', async () => {
    expect(await store.markOnce('demo-views', NOW)).toBe(true);
    expect(await store.markOnce('demo-views', NOW)).toBe(false);
    expect(await store.markOnce('other', NOW)).toBe(true);
  });

  it('stores and returns computed rankings', async () => {
    const snapshots: RankingSnapshot[] = (['day', 'week', 'month'] as const).map((period, i) => ({
      period,
      computedAt: NOW.toISOString(),
      latestViewAt: NOW.toISOString(),
      entries: [{ id: 'aaaaaaaa', views: i + 1 }],
    }));
    await store.saveRankings(snapshots);
    await store.saveRankings([{ ...snapshots[0]!, entries: [{ id: 'bbbbbbbb', views: 9 }] }]);
    const read = (await store.readRankings()).sort((a, b) => a.period.localeCompare(b.period));
    expect(read.map((s) => [s.period, s.entries[0]?.id])).toEqual([
      ['day', 'bbbbbbbb'],
      ['month', 'aaaaaaaa'],
      ['week', 'aaaaaaaa'],
    ]);
    expect(read[0]?.computedAt).toBe(NOW.toISOString());
  });

  it('drops buckets older than the month', async () => {
    await store.prune(ago(719));
    // Redis expires buckets itself; the database deletes them.
    if (store.kind === 'sql') expect((await store.sumWindow('month', new Date(NOW.getTime() + 3_600_000 * 24 * 40), 10)).length).toBe(0);
    expect((await store.sumWindow('month', NOW, 30)).map((e) => e.id)).toContain('ffffffff');
  });
});

describe('Redis visitor state', () => {
  it('shares dedupe marks and the day’s salt between instances', async () => {
    const a = await connectRedis(REDIS_URL);
    const b = await connectRedis(REDIS_URL);
    const prefix = `${REDIS_PREFIX}shared:`;
    try {
      const one = new RedisViewStore(a, prefix);
      const two = new RedisViewStore(b, prefix);
      const limits = { dedupeMs: 30 * 60_000, maxPerVisitor: 3, capWindowMs: 60 * 60_000 };
      expect(await one.claimView('v', 'aaaaaaaa', limits)).toBe('counted');
      expect(await two.claimView('v', 'aaaaaaaa', limits)).toBe('duplicate');
      expect(await two.claimView('v', 'bbbbbbbb', limits)).toBe('counted');
      // The cap is shared too: the visitor's third and fourth new articles, on either instance.
      expect(await one.claimView('v', 'cccccccc', limits)).toBe('counted');
      expect(await two.claimView('v', 'dddddddd', limits)).toBe('capped');
      expect(await one.claimView('w', 'dddddddd', limits)).toBe('counted');
      expect(await a.pttl(`${prefix}tally:v`)).toBeGreaterThan(59 * 60_000);
      const short = { ...limits, dedupeMs: 50 };
      expect(await one.claimView('s', 'aaaaaaaa', short)).toBe('counted');
      await new Promise((r) => setTimeout(r, 120));
      expect(await two.claimView('s', 'aaaaaaaa', short)).toBe('counted'); // the mark expired
      const salt = await one.getSalt('2026-12-01');
      expect(await two.getSalt('2026-12-01')).toBe(salt);
      expect(await two.getSalt('2026-12-02')).not.toBe(salt);
      expect(await a.ttl(`${prefix}salt:2026-12-01`)).toBeLessThanOrEqual(2 * 86_400);
    } finally {
      const keys = await a.keys(`${prefix}*`);
      if (keys.length > 0) await a.del(...keys);
      a.disconnect();
      b.disconnect();
    }
  });
});

describe('all backends', () => {
  it('give the same sums', () => {
    expect(answers['postgres:sums']).toEqual(answers['sqlite:sums']);
    expect(answers['redis:sums']).toEqual(answers['sqlite:sums']);
  });
});
