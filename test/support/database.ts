import pg from 'pg';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { openDatabase, type Connection } from '../../lib/db/connect';
import { prepareDatabase } from '../../lib/db/prepare';

/**
 * Databases for data-layer tests: a fresh SQLite file, or a PostgreSQL
 * schema of the test file's own (KIJI_TEST_DATABASE_URL, default the local
 * `test` database) so parallel runs in other worktrees or CI never share
 * tables. Test code only.
 */

export const TEST_PG_URL = process.env.KIJI_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** An empty SQLite database in a new temporary folder. */
export function openTestSqlite(prefix = 'kiji-test-'): Connection {
  return openDatabase({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), prefix)) });
}

/** TEST_PG_URL with `schema` as the search_path: a DATABASE_URL for a server or connection confined to that schema. */
export function testSchemaUrl(schema: string): string {
  const url = new URL(TEST_PG_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

/** A connection whose search_path is a freshly (re)created schema `schema`. */
export async function openTestPostgres(schema: string): Promise<Connection> {
  await dropTestPostgres(schema);
  const admin = openDatabase({ databaseUrl: TEST_PG_URL, dataDir: '' });
  await sql`create schema ${sql.id(schema)}`.execute(admin.db);
  await admin.db.destroy();
  return openDatabase({ databaseUrl: testSchemaUrl(schema), dataDir: '' });
}

/** Drops a schema made by `openTestPostgres`. */
export async function dropTestPostgres(schema: string): Promise<void> {
  const admin = openDatabase({ databaseUrl: TEST_PG_URL, dataDir: '' });
  await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(admin.db);
  await admin.db.destroy();
}

/** A minimal article row for data-layer tests; fields default to a published world story. */
export type TestArticle = {
  id: string;
  headline?: string;
  status?: 'draft' | 'submitted' | 'scheduled' | 'published' | 'unpublished';
  publishedAt: Date;
  breakingAt?: Date | null;
  breakingUntil?: Date | null;
};

/** Inserts the `world` section (once) and the given articles. */
export async function insertTestArticles(conn: Connection, articles: TestArticle[]): Promise<void> {
  await conn.db
    .insertInto('sections')
    .values({ slug: 'world', name: 'ワールド', description: '国際', position: 0 })
    .onConflict((oc) => oc.column('slug').doNothing())
    .execute();
  await conn.db
    .insertInto('articles')
    .values(
      articles.map((a) => ({
        id: a.id,
        status: a.status ?? 'published',
        headline: a.headline ?? `見出し ${a.id}`,
        body: '本文。',
        section_slug: 'world',
        sponsored: 0,
        published_at: a.publishedAt.toISOString(),
        updated_at: a.publishedAt.toISOString(),
        created_at: a.publishedAt.toISOString(),
        breaking_at: a.breakingAt?.toISOString() ?? null,
        breaking_until: a.breakingUntil?.toISOString() ?? null,
      })),
    )
    .execute();
}

/** A database of either engine that can also be opened a second time (as another instance would). */
export type TestDatabase = Connection & {
  /** A second, independent connection to the same database (another instance, as far as the code can tell). */
  openAnother(): Connection;
  close(): Promise<void>;
};

/** The engines Kiji runs on, for `describe.each(TEST_ENGINES)`. */
export const TEST_ENGINES = ['sqlite', 'postgres'] as const;

/**
 * A database on `engine`, of this process and suite's own; call `close()` in
 * afterAll. Empty, unless `prepared`: then migrated as the server prepares it
 * (lib/db/prepare.ts), without the demo content.
 */
export async function openTestDatabase(engine: (typeof TEST_ENGINES)[number], suite: string, options: { prepared?: boolean } = {}): Promise<TestDatabase> {
  const database = await openEmptyTestDatabase(engine, suite);
  if (options.prepared) await prepareDatabase(database, { seedDemo: false });
  return database;
}

async function openEmptyTestDatabase(engine: (typeof TEST_ENGINES)[number], suite: string): Promise<TestDatabase> {
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
  const url = testSchemaUrl(schema);
  const conn = openDatabase({ databaseUrl: url, dataDir: '' });
  return {
    ...conn,
    openAnother: () => openDatabase({ databaseUrl: url, dataDir: '' }),
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

/** One suite's database on an engine: `open` makes it, `dispose` drops it (for `describe.each`). */
export type TestEngine = { engine: 'sqlite' | 'postgres'; open(): Promise<Connection>; dispose(conn?: Connection): Promise<void> };

/** A fresh database on each engine Kiji runs on, for `describe.each(testDatabases('name'))`. */
export function testDatabases(name: string): TestEngine[] {
  return TEST_ENGINES.map((engine) => {
    let database: TestDatabase | undefined;
    return {
      engine,
      async open() {
        database = await openTestDatabase(engine, name);
        return database;
      },
      async dispose() {
        await database?.close();
      },
    };
  });
}

/** A fresh, empty database `name` on the test server (dropped first if there); returns its URL (its public schema, as a publisher's). */
export async function recreateTestPostgresDatabase(name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${admin.escapeIdentifier(name)} with (force)`);
    await admin.query(`create database ${admin.escapeIdentifier(name)}`);
  } finally {
    await admin.end();
  }
  const url = new URL(TEST_PG_URL);
  url.pathname = `/${name}`;
  url.search = '';
  return url.toString();
}

