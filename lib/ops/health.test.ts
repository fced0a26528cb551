import { Redis } from 'ioredis';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/support/database';
import { migrateToLatest } from '../db/connect';
import { checkHealth, coalesce, PROBE_TIMEOUT_MS } from './health';

const REDIS_URL = process.env.REDIS_TEST_URL ?? 'redis://127.0.0.1:6379';

describe.each(['sqlite', 'postgres'] as const)('the health report on %s', (engine) => {
  let conn: TestDatabase;
  let redis: Redis;
  beforeAll(async () => {
    conn = await openTestDatabase(engine, 'health');
    await migrateToLatest(conn);
    redis = new Redis(REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 0, lazyConnect: true });
    await redis.connect();
  });
  afterAll(async () => {
    redis?.disconnect();
    await conn?.close();
  });
  const database = () => sql`select 1 from articles limit 1`.execute(conn.db);

  it('is 200 and ok when the database and Redis answer', async () => {
    const { httpStatus, report } = await checkHealth({ engine, database, redis: () => redis.ping() });
    expect(httpStatus).toBe(200);
    expect(report).toMatchObject({ status: 'ok', database: { engine, state: 'up' }, redis: { state: 'up' } });
  });

  it('says Redis is not used when the site runs without it', async () => {
    const { httpStatus, report } = await checkHealth({ engine, database });
    expect(httpStatus).toBe(200);
    expect(report.redis).toEqual({ state: 'not used' });
  });

  it('is still 200 with Redis down (pages are served without it), and says so at once', async () => {
    // Nothing listens on port 1: the client is never connected, so the PING fails without waiting.
    const down = new Redis('redis://127.0.0.1:1', { enableOfflineQueue: false, maxRetriesPerRequest: 0, lazyConnect: true, retryStrategy: () => null });
    down.on('error', () => undefined);
    const started = Date.now();
    const { httpStatus, report } = await checkHealth({ engine, database, redis: () => down.ping() });
    expect(Date.now() - started).toBeLessThan(PROBE_TIMEOUT_MS);
    expect(httpStatus).toBe(200);
    expect(report).toMatchObject({ status: 'degraded', redis: { state: 'down' } });
    down.disconnect();
  });

  it('is 503 when the database fails, naming no error, host or URL', async () => {
    const { httpStatus, report } = await checkHealth({
      engine,
      database: () => sql`select 1 from no_such_table_for_health`.execute(conn.db),
      redis: () => redis.ping(),
    });
    expect(httpStatus).toBe(503);
    expect(report).toMatchObject({ status: 'unavailable', database: { state: 'down' }, redis: { state: 'up' } });
    expect(JSON.stringify(report)).not.toMatch(/no_such_table|127\.0\.0\.1|postgres:|redis:/);
  });
});

describe('the health check never hangs', () => {
  it('answers 503 within the probe timeout when the database never answers', async () => {
    const started = Date.now();
    const { httpStatus, report } = await checkHealth({ engine: 'postgres', database: () => new Promise(() => undefined) }, { timeoutMs: 300 });
    const elapsed = Date.now() - started;
    expect(httpStatus).toBe(503);
    expect(report.database.state).toBe('down');
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(1_000);
  });

  it('answers 503 when a probe throws synchronously', async () => {
    const { httpStatus } = await checkHealth({
      engine: 'sqlite',
      database: () => {
        throw new Error('closed');
      },
    });
    expect(httpStatus).toBe(503);
  });

  it('answers stopping with 503 once the instance shuts down, without probing', async () => {
    let probed = false;
    const { httpStatus, report } = await checkHealth({ engine: 'sqlite', database: async () => void (probed = true), stopping: () => true });
    expect(httpStatus).toBe(503);
    expect(report.status).toBe('stopping');
    expect(probed).toBe(false);
  });

  it('sends one probe at a time to a database that hangs, however many checks ask', async () => {
    let calls = 0;
    let release!: () => void;
    const probe = coalesce(() => {
      calls += 1;
      return new Promise<void>((resolve) => (release = resolve));
    });
    await Promise.all([1, 2, 3].map(() => checkHealth({ engine: 'postgres', database: probe }, { timeoutMs: 50 })));
    expect(calls).toBe(1);
    release();
    await new Promise((r) => setTimeout(r, 0));
    await checkHealth({ engine: 'postgres', database: probe }, { timeoutMs: 50 });
    expect(calls).toBe(2);
  });
});
