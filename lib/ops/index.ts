import 'server-only';
import { sql } from 'kysely';
import { readSettings } from '../config';
import { isDatabaseUnavailable } from '../db/errors';
import { getConnection } from '../db/global';
import { getViewRuntime } from '../rankings/runtime';
import { checkHealth, coalesce, type HealthProbes } from './health';
import { isShuttingDown } from './shutdown';

export type { HealthReport } from './health';
export { DATABASE_UNAVAILABLE_RETRY_SECONDS } from '../db/errors';

// Kept on globalThis: the route handler and instrumentation are separate bundles of one process.
type Global = typeof globalThis & { __kijiHealthProbes?: HealthProbes };

function getProbes(): HealthProbes {
  const g = globalThis as Global;
  g.__kijiHealthProbes ??= (() => {
    const settings = readSettings();
    return {
      engine: settings.databaseUrl ? 'postgres' : 'sqlite',
      // A real table on both engines: SQLite's `select 1` would not touch the file.
      database: coalesce(async () => {
        const { db } = await getConnection();
        await sql`select 1 from articles limit 1`.execute(db);
      }),
      // The rankings' client: no offline queue, 500 ms command timeout (ADR 0023), so a PING fails at once while it is disconnected.
      redis: settings.redisUrl
        ? coalesce(async () => {
            const { redis } = await getViewRuntime();
            if (!redis) throw new Error('no Redis client');
            await redis.ping();
          })
        : undefined,
      stopping: isShuttingDown,
    };
  })();
  return g.__kijiHealthProbes;
}

/** This instance's health report and HTTP status (lib/ops/health.ts). */
export function getHealth() {
  return checkHealth(getProbes());
}

/**
 * Whether the database is out (refused, unreachable, shutting down: a failure
 * lib/db/errors.ts counts as an outage) by the health check's query, shared
 * with a check in flight: proxy.ts asks before each newsroom page, which
 * cannot be served without the database (docs/adr/0026-database-outage.md).
 * A slow answer is not an outage: under load (after a flood) a timed probe
 * turned the sign-in page into a 503 while the database was fine. A
 * database that never answers is bounded by the connect timeout (3 s). Not
 * remembered between requests: an answer a second old let the first pages
 * of an outage through to a 500.
 */
export async function isDatabaseOut(): Promise<boolean> {
  return getProbes()
    .database()
    .then(
      () => false,
      (error: unknown) => isDatabaseUnavailable(error),
    );
}
