import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, type Connection } from '../db/connect';
import { insertTestArticles, openTestSqlite } from '../../test/support/database';
import { ingestView } from './ingest';
import { runRankingJob } from './job';
import { readRankings } from './read';
import { captureLog } from '../../test/support/log';
import { connectRedis } from './redis-store';
import { createViewRuntime, tickRankingJob, type ViewRuntime } from './runtime';
import { addToCounts, isStoreUnavailable, type ViewCounts } from './store';
import { toHourKey } from './windows';

/**
 * Redis going away under a running site (docs/adr/0023-rankings-through-a-redis-outage.md): a private
 * redis-server of this test's own is started, killed and started again.
 * Before the fix a beacon took 0.4–20 s to fail as ioredis queued and
 * retried, pages waited on the same queue, and every reconnect logged.
 */

const ids = Array.from({ length: 12 }, (_, i) => `${'abcdefghjkmn'[i]}2345678`);
const HOUR = 3_600_000;
/** Generous: a busy machine must not fail this; before the fix the same calls took up to 20 s. */
const FAST_MS = 2000;

/** A free port on loopback, from the kernel. */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts redis-server on `port` with nothing on disk, and waits until it accepts connections. */
async function startRedisServer(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const up = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.destroy();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (up) return child;
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill('SIGKILL');
  throw new Error(`redis-server did not start on port ${port}`);
}

async function stopRedisServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

async function until(check: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** How long `fn` took to settle, and whether it failed as an outage. */
async function timed(fn: () => Promise<unknown>): Promise<{ ms: number; unavailable: boolean }> {
  const t = performance.now();
  try {
    await fn();
    return { ms: performance.now() - t, unavailable: false };
  } catch (error) {
    return { ms: performance.now() - t, unavailable: isStoreUnavailable(error) };
  }
}

const reader = (n: number) => new Headers({ 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0.0.0 Safari/537.36', 'x-forwarded-for': `198.51.100.${n}` });

describe('a Redis outage', () => {
  let port: number;
  let server: ChildProcess;
  let conn: Connection;
  let redis: Redis;
  let runtime: ViewRuntime;
  const others: Redis[] = [];

  beforeAll(async () => {
    port = await freePort();
    server = await startRedisServer(port);
    conn = openTestSqlite('kiji-redis-outage-');
    await migrateToLatest(conn);
    const now = Date.now();
    await insertTestArticles(
      conn,
      ids.map((id, i) => ({ id, publishedAt: new Date(now - (i + 1) * 24 * HOUR) })),
    );
    redis = await connectRedis(`redis://127.0.0.1:${port}`);
    runtime = createViewRuntime({ db: conn.db, redis, redisPrefix: 'kiji-outage:', trustedProxyHops: 0 });
    const counts: ViewCounts = new Map();
    ids.forEach((id, i) => addToCounts(counts, toHourKey(new Date(now)), id, 100 - i));
    await runtime.store.addViews(counts, new Date(now));
    expect(await runRankingJob(runtime.store, new Date(now))).toBe(true);
  }, 60_000);

  let log: ReturnType<typeof captureLog> | undefined;
  const errors = () => log!.entries().filter((e) => e.level === 'error' || e.level === 'fatal');
  const infos = () => log!.entries().filter((e) => e.level === 'info');

  afterEach(() => {
    log?.restore();
  });

  afterAll(async () => {
    redis?.disconnect();
    for (const other of others) other.disconnect();
    if (server) await stopRedisServer(server);
    await conn?.db.destroy();
  });

  it('fails fast, keeps the last rankings for pages, logs once, and counts again when Redis is back', async () => {
    log = captureLog();

    // Pages have read the rankings once while Redis was up.
    const before = await readRankings(runtime.rankings, conn.db, new Date());
    expect(before.map((l) => [l.period, l.state, l.items.length])).toEqual([
      ['day', 'fresh', 10],
      ['week', 'fresh', 10],
      ['month', 'fresh', 10],
    ]);
    expect(await ingestView(runtime, ids[0]!, reader(1))).toBe('counted');

    await stopRedisServer(server);
    await until(() => redis.status !== 'ready');

    // A beacon, the buffer, the job and the store's own calls: each fails as an
    // outage at once, nothing waits in a queue for Redis to come back.
    const beacons = [];
    for (let i = 0; i < 30; i++) beacons.push(await timed(() => ingestView(runtime, ids[i % ids.length]!, reader(10 + i))));
    expect(beacons.every((b) => b.unavailable)).toBe(true);
    expect(Math.max(...beacons.map((b) => b.ms))).toBeLessThan(FAST_MS);
    const counts: ViewCounts = new Map();
    addToCounts(counts, toHourKey(new Date()), ids[1]!, 1);
    for (const call of [() => runtime.store.addViews(counts, new Date()), () => runtime.store.readRankings(), () => runtime.store.claimJob(new Date(), 60_000)]) {
      const result = await timed(call);
      expect(result.unavailable).toBe(true);
      expect(result.ms).toBeLessThan(FAST_MS);
    }
    for (let i = 0; i < 5; i++) await tickRankingJob(runtime);
    expect(runtime.buffer.size).toBe(1); // the view counted before the outage, kept for later

    // What pages read: the rankings they last had, at once.
    const t = performance.now();
    const during = [];
    for (let i = 0; i < 20; i++) during.push(await readRankings(runtime.rankings, conn.db, new Date()));
    expect(performance.now() - t).toBeLessThan(FAST_MS);
    for (const lists of during) expect(lists).toEqual(before);

    // Reconnect attempts go on in the background (100 ms, 200 ms, 400 ms …): still one line in the log.
    await new Promise((r) => setTimeout(r, 1500));
    expect(errors()).toHaveLength(1);
    expect(errors()[0]).toMatchObject({ module: 'rankings', redis: expect.stringMatching(/^127\.0\.0\.1:\d+$/), msg: expect.stringMatching(/^Redis is unreachable/) });
    expect(infos()).toEqual([]);

    // Redis is back on the same port: the client reconnects by itself and counting resumes.
    server = await startRedisServer(port);
    await until(() => redis.status === 'ready');
    expect(infos()).toHaveLength(1);
    expect(infos()[0]!.msg).toMatch(/is back/);
    expect(await ingestView(runtime, ids[2]!, reader(99))).toBe('counted');
    await tickRankingJob(runtime);
    expect(runtime.buffer.size).toBe(0);
    // The restarted server was empty: the job's new rankings hold the view kept
    // in the buffer through the outage and the one counted since.
    const after = await readRankings(runtime.rankings, conn.db, new Date());
    expect(after[0]!.items.map((item) => item.article.id)).toEqual([ids[0], ids[2]]);
    expect(errors()).toHaveLength(1);
  }, 60_000);

  it('lets a process start while Redis is down: pages get no rankings at once, beacons fail at once', async () => {
    log = captureLog();
    const deadPort = await freePort();
    const t = performance.now();
    const dead = await connectRedis(`redis://127.0.0.1:${deadPort}`);
    others.push(dead);
    expect(performance.now() - t).toBeLessThan(FAST_MS);
    const cold = createViewRuntime({ db: conn.db, redis: dead, redisPrefix: 'kiji-outage:', trustedProxyHops: 0 });
    const lists = await readRankings(cold.rankings, conn.db, new Date());
    expect(lists.map((l) => [l.state, l.items.length])).toEqual([
      ['stale', 0],
      ['stale', 0],
      ['stale', 0],
    ]);
    const beacon = await timed(() => ingestView(cold, ids[0]!, reader(1)));
    expect(beacon.unavailable).toBe(true);
    expect(beacon.ms).toBeLessThan(FAST_MS);
    expect(errors()).toHaveLength(1);
  });
});
