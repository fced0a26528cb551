import type { Kysely } from 'kysely';
import { readSettings } from '../config';
import { openDatabase } from './connect';
import { prepareDatabase } from './prepare';
import type { Database } from './schema';

type Global = typeof globalThis & { __kijiDb?: Promise<Kysely<Database>> };

/**
 * The process's database, opened, migrated and (on first start) seeded once.
 * Kept on globalThis because Next.js loads server code in more than one
 * bundle of the same process (instrumentation, pages, route handlers).
 */
export function getDatabase(): Promise<Kysely<Database>> {
  const g = globalThis as Global;
  g.__kijiDb ??= (async () => {
    const settings = readSettings();
    const conn = openDatabase(settings);
    await prepareDatabase(conn, { seedDemo: settings.seedDemo });
    return conn.db;
  })().catch((error: unknown) => {
    // Let the next request try again rather than caching the failure.
    g.__kijiDb = undefined;
    throw error;
  });
  return g.__kijiDb;
}
