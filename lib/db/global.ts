import type { Kysely } from 'kysely';
import { readSettings } from '../config';
import { onShutdown } from '../ops/shutdown';
import { openDatabase, type Connection } from './connect';
import { prepareDatabase } from './prepare';
import type { Database } from './schema';

type Global = typeof globalThis & { __kijiConnection?: Promise<Connection> };

/**
 * The process's database connection with the engine it was opened on,
 * opened, migrated and (on first start) seeded once. Kept on globalThis
 * because Next.js loads server code in more than one bundle of the same
 * process (instrumentation, pages, route handlers). The dialect comes from
 * the settings that opened it: each bundle can carry its own copy of
 * Kysely, so its classes cannot tell the engine (`instanceof` fails across
 * copies).
 */
export function getConnection(): Promise<Connection> {
  const g = globalThis as Global;
  g.__kijiConnection ??= (async () => {
    const settings = readSettings();
    const conn = openDatabase(settings);
    await prepareDatabase(conn, { seedDemo: settings.seedDemo });
    // Last at shutdown (hooks close newest first): the pool's connections end cleanly, SQLite checkpoints its WAL.
    onShutdown('connections', 'database', () => conn.db.destroy());
    return conn;
  })().catch((error: unknown) => {
    // Let the next request try again rather than caching the failure.
    g.__kijiConnection = undefined;
    throw error;
  });
  return g.__kijiConnection;
}

/** The process's database (see {@link getConnection}). */
export async function getDatabase(): Promise<Kysely<Database>> {
  return (await getConnection()).db;
}
