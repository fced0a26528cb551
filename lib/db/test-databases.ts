import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { openDatabase, type Connection } from './connect';

/**
 * Tests only: a fresh database on each engine Kiji runs on. SQLite in a
 * temporary folder; PostgreSQL (KIJI_TEST_DATABASE_URL, default the local
 * `test` database) in a schema named for this process and `name`, so
 * parallel runs never share tables. `dispose` drops what `open` made.
 */
export const TEST_PG_URL = process.env.KIJI_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export type TestDatabase = { engine: 'sqlite' | 'postgres'; open(): Promise<Connection>; dispose(conn?: Connection): Promise<void> };

export function testDatabases(name: string): TestDatabase[] {
  const schema = `kiji_test_${process.pid}_${name}`;
  let dir: string | undefined;
  return [
    {
      engine: 'sqlite',
      async open() {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), `kiji-${name}-`));
        return openDatabase({ dataDir: dir });
      },
      async dispose(conn) {
        await conn?.db.destroy();
        if (dir) fs.rmSync(dir, { recursive: true, force: true });
      },
    },
    {
      engine: 'postgres',
      async open() {
        const admin = openDatabase({ databaseUrl: TEST_PG_URL, dataDir: '' });
        await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(admin.db);
        await sql`create schema ${sql.id(schema)}`.execute(admin.db);
        await admin.db.destroy();
        const url = new URL(TEST_PG_URL);
        url.searchParams.set('options', `-c search_path=${schema}`);
        return openDatabase({ databaseUrl: url.toString(), dataDir: '' });
      },
      async dispose(conn) {
        await conn?.db.destroy();
        const admin = openDatabase({ databaseUrl: TEST_PG_URL, dataDir: '' });
        await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(admin.db);
        await admin.db.destroy();
      },
    },
  ];
}
