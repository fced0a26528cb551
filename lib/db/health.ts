import 'server-only';
import { sql } from 'kysely';
import { getConnection } from './global';

/**
 * Whether the database answers, as proxy.ts asks before a newsroom page: a
 * `select 1` on a pooled connection, failing within the pool's connect
 * timeout (lib/db/connect.ts). Requests that ask together share one probe.
 * Not remembered between requests: an answer a second old let the first
 * newsroom pages of an outage through to a 500, and editors' page loads are
 * few next to the queries each of them makes anyway. The embedded SQLite
 * file is always there.
 */

type Global = typeof globalThis & { __kijiDatabaseProbe?: Promise<boolean> | null };

async function probe(): Promise<boolean> {
  try {
    const { db, dialect } = await getConnection();
    if (dialect === 'sqlite') return true;
    await sql`select 1`.execute(db);
    return true;
  } catch {
    // The pool logs the outage once (lib/db/connect.ts); the caller answers 503.
    return false;
  }
}

/** Whether the database answers now. */
export function isDatabaseReachable(): Promise<boolean> {
  const g = globalThis as Global;
  g.__kijiDatabaseProbe ??= probe().finally(() => {
    g.__kijiDatabaseProbe = null;
  });
  return g.__kijiDatabaseProbe;
}
