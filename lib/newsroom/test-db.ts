import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { openDatabase, type Connection } from '../db/connect';
import { prepareDatabase } from '../db/prepare';

/**
 * Test databases for the newsroom suites, on both engines (the pattern of
 * lib/content/queries.test.ts): a fresh SQLite file, or a PostgreSQL schema
 * of this process and suite's own, dropped again by {@link closeTestDatabase}.
 */

export const TEST_ENGINES = ['sqlite', 'postgres'] as const;
export type TestEngine = (typeof TEST_ENGINES)[number];

const PG_URL = process.env.KIJI_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

function schemaName(suite: string): string {
  return `kiji_test_${process.pid}_${suite.replace(/[^a-z0-9]/g, '')}`;
}

/** A migrated database, with the demo content when `seedDemo` (dated relative to `now`). */
export async function openTestDatabase(
  engine: TestEngine,
  suite: string,
  options: { seedDemo?: boolean; now?: Date } = {},
): Promise<Connection> {
  let conn: Connection;
  if (engine === 'sqlite') {
    conn = openDatabase({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), `kiji-${suite}-`)) });
  } else {
    const admin = openDatabase({ databaseUrl: PG_URL, dataDir: '' });
    await sql`drop schema if exists ${sql.id(schemaName(suite))} cascade`.execute(admin.db);
    await sql`create schema ${sql.id(schemaName(suite))}`.execute(admin.db);
    await admin.db.destroy();
    const url = new URL(PG_URL);
    url.searchParams.set('options', `-c search_path=${schemaName(suite)}`);
    conn = openDatabase({ databaseUrl: url.toString(), dataDir: '' });
  }
  await prepareDatabase(conn, { seedDemo: options.seedDemo ?? false, now: options.now ?? new Date() });
  return conn;
}

/** Closes the database and drops a PostgreSQL suite's schema. */
export async function closeTestDatabase(conn: Connection | undefined, engine: TestEngine, suite: string): Promise<void> {
  await conn?.db.destroy();
  if (engine !== 'postgres') return;
  const admin = openDatabase({ databaseUrl: PG_URL, dataDir: '' });
  await sql`drop schema if exists ${sql.id(schemaName(suite))} cascade`.execute(admin.db);
  await admin.db.destroy();
}
