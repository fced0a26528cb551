import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POSTGRES_CONNECT_TIMEOUT_MS, type Connection } from './connect';
import { dropTestPostgres, openTestPostgres } from '../../test/support/database';

const SCHEMA = `kiji_test_pool_${process.pid}`;

describe('the PostgreSQL pool under load', () => {
  let conn: Connection;
  beforeAll(async () => {
    conn = await openTestPostgres(SCHEMA);
  });
  afterAll(async () => {
    await conn.db.destroy();
    await dropTestPostgres(SCHEMA);
  });

  it('lets queries wait for a free client longer than the connect timeout (a busy pool is not an outage)', async () => {
    // Ten clients, each query 0.4 s: the last of 100 waits about 4 s for a client.
    const started = Date.now();
    const results = await Promise.allSettled(Array.from({ length: 100 }, () => sql`select pg_sleep(0.4)`.execute(conn.db)));
    const waited = Date.now() - started;
    expect(waited).toBeGreaterThan(POSTGRES_CONNECT_TIMEOUT_MS);
    expect(results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
  }, 30_000);
});
