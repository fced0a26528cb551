import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deriveArticleId } from '../lib/content/ids';
import { isPublicArticleId } from '../lib/content/lookup';
import { migrateToLatest, openDatabase } from '../lib/db/connect';
import { insertTestArticles } from '../test/support/database';
import { ViewBuffer } from '../lib/rankings/buffer';
import { computeRankings } from '../lib/rankings/job';
import { PublicArticleCache } from '../lib/rankings/known-articles';
import { MemoryDeduper, MemorySalt } from '../lib/rankings/visitor';
import { measureIngest, type IngestResult } from './beacon';
import { readRankings } from '../lib/rankings/read';
import { connectRedis, RedisViewStore } from '../lib/rankings/redis-store';
import { SqlViewStore } from '../lib/rankings/sql-store';
import { addToCounts, type ViewCounts, type ViewStore } from '../lib/rankings/store';
import { listWindowHours } from '../lib/rankings/windows';

export type RankingReadResult = { backend: string; views: number; rows: number; loadMs: number; computeMs: number; readMs: number; ingest: IngestResult };

/** `total` views over the month window: Zipf-like over `articles` ids (rank r gets ∝ 1/r), spread over every hour. */
function monthOfViews(ids: string[], now: Date, total: number): { counts: ViewCounts; rows: number } {
  const hours = listWindowHours('month', now);
  const weights = ids.map((_, r) => 1 / (r + 1));
  const sum = weights.reduce((a, b) => a + b, 0);
  const counts: ViewCounts = new Map();
  let rows = 0;
  let seed = 7;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  ids.forEach((id, r) => {
    let left = Math.round((total * weights[r]!) / sum);
    // A few views at a time in random hours: the long tail of a real site, where
    // most article-hours hold a handful of views (the most rows for the views).
    while (left > 0) {
      const n = Math.min(left, 1 + Math.floor(random() * 4));
      addToCounts(counts, hours[Math.floor(random() * hours.length)]!, id, n);
      left -= n;
    }
  });
  for (const per of counts.values()) rows += per.size;
  return { counts, rows };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timeIt(runs: number, fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

/**
 * Loads `total` views into each backend and times the two reads: the
 * ranking job summing every window from raw counts, and what a page render
 * does (the stored snapshot plus the article summaries).
 */
export async function measureRankingRead(total = 1_000_000, articleCount = 2_000): Promise<RankingReadResult[]> {
  const now = new Date();
  // A month of views in SQLite: removed at the end, not left behind in /tmp.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiji-bench-rankings-'));
  const conn = openDatabase({ dataDir });
  await migrateToLatest(conn);
  const ids = Array.from({ length: articleCount }, (_, i) => deriveArticleId(`bench-${i}`));
  await insertTestArticles(
    conn,
    ids.map((id) => ({ id, publishedAt: new Date(now.getTime() - 40 * 86_400_000) })),
  );
  const { counts, rows } = monthOfViews(ids, now, total);
  const prefix = `kiji-bench:${process.pid}:${randomBytes(4).toString('hex')}:`;
  const redis = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
  // A month of views in one load: far longer than a beacon's batch may take.
  const client = await connectRedis(redis, { commandTimeoutMs: 120_000 });
  const backends: [string, ViewStore][] = [
    ['SQLite', new SqlViewStore(conn.db)],
    ['Redis', new RedisViewStore(client, prefix)],
  ];
  const results: RankingReadResult[] = [];
  try {
    for (const [backend, store] of backends) {
      const t = performance.now();
      // A day of hours at a time: the month in one Redis pipeline (190,000
      // commands) left the connection without an answer past its 2 s socket
      // timeout (lib/rankings/redis-store.ts) when the machine was busy, and
      // the run died there, after everything else had been measured.
      const hours = [...counts];
      for (let i = 0; i < hours.length; i += 24) await store.addViews(new Map(hours.slice(i, i + 24)), now);
      const loadMs = performance.now() - t;
      const computeMs = await timeIt(5, () => computeRankings(store, now));
      await store.saveRankings(await computeRankings(store, now));
      const readMs = await timeIt(50, () => readRankings(store, conn.db, now));
      const check = await readRankings(store, conn.db, now);
      if (check.some((l) => l.items.length !== 10)) throw new Error(`${backend}: a ranking list is not full`);
      // Then the counting layer, on top: the database backend dedupes in memory, Redis in Redis.
      const deduper = store instanceof RedisViewStore ? store : new MemoryDeduper();
      const salt = store instanceof RedisViewStore ? store : new MemorySalt();
      const known = new PublicArticleCache((id, at) => isPublicArticleId(conn.db, id, at));
      const counter = { isPublicArticle: (id: string, at: Date) => known.isPublic(id, at), deduper, salt, buffer: new ViewBuffer(store), trustedProxyHops: 0 };
      const stored = async () => (await store.sumWindow('day', new Date(), ids.length)).reduce((n, e) => n + e.views, 0);
      const ingest = await measureIngest(backend, counter, ids.slice(0, 67), 50_000, stored);
      results.push({ backend, views: total, rows, loadMs, computeMs, readMs, ingest });
    }
  } finally {
    const keys = await client.keys(`${prefix}*`);
    // In slices: a month of hourly keys spread as one call's arguments overflows the stack.
    for (let i = 0; i < keys.length; i += 1_000) await client.del(...keys.slice(i, i + 1_000));
    client.disconnect();
    await conn.db.destroy();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return results;
}
