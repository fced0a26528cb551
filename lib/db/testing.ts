import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { openDatabase, type Connection } from './connect';

/**
 * Test databases for data-layer suites that must pass on both engines: a
 * fresh SQLite file in a temporary folder, or a PostgreSQL schema of the
 * run's own (named after the process and the suite, dropped by `close`) on
 * KIJI_TEST_DATABASE_URL, so parallel runs never share tables.
 */
export type TestDatabase = Connection & {
  /** A second, independent connection to the same database (another instance, as far as the code can tell). */
  openAnother(): Connection;
  close(): Promise<void>;
};

export const TEST_PG_URL = process.env.KIJI_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** An empty database on `engine`; call `close()` in afterAll. */
export async function openTestDatabase(engine: 'sqlite' | 'postgres', suite: string): Promise<TestDatabase> {
  if (engine === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `kiji-${suite}-`));
    const conn = openDatabase({ dataDir: dir });
    return {
      ...conn,
      openAnother: () => openDatabase({ dataDir: dir }),
      async close() {
        await conn.db.destroy();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const schema = `kiji_test_${process.pid}_${suite.replace(/[^a-z0-9]/gi, '_').toLowerCase()}`;
  await withAdmin((admin) => sql`drop schema if exists ${sql.id(schema)} cascade`.execute(admin));
  await withAdmin((admin) => sql`create schema ${sql.id(schema)}`.execute(admin));
  const url = new URL(TEST_PG_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const conn = openDatabase({ databaseUrl: url.toString(), dataDir: '' });
  return {
    ...conn,
    openAnother: () => openDatabase({ databaseUrl: url.toString(), dataDir: '' }),
    async close() {
      await conn.db.destroy();
      await withAdmin((admin) => sql`drop schema if exists ${sql.id(schema)} cascade`.execute(admin));
    },
  };
}

async function withAdmin(run: (db: Connection['db']) => Promise<unknown>): Promise<void> {
  const admin = openDatabase({ databaseUrl: TEST_PG_URL, dataDir: '' });
  try {
    await run(admin.db);
  } finally {
    await admin.db.destroy();
  }
}
