import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';

/**
 * Backup and restore of the whole site: `npm run backup -- <file>` and
 * `npm run restore -- <file> [--force]` (scripts/backup.ts, deploy/README.md).
 * Pictures are rows of the `media` table, so the database is the site.
 *
 * - SQLite: SQLite's online backup API (better-sqlite3 `backup()`), which
 *   copies a consistent snapshot page by page while the site keeps reading
 *   and writing (WAL); the copy is switched to a single self-contained file
 *   and checked (`quick_check`) before it takes the file's name. Restore
 *   copies it into `KIJI_DATA_DIR/kiji.sqlite` through the same API, so the
 *   database's WAL files never disagree with it.
 * - PostgreSQL: `pg_dump --format=custom` of the schema the site lives in
 *   (DATABASE_URL's `current_schema()`, normally `public`), restored with
 *   `pg_restore` in one transaction. The connection goes to the tools in
 *   libpq's PG* variables, never on a command line `ps` shows. Neither
 *   owners nor grants are kept: the restoring user owns what it restores.
 *   pg_trgm (site search) is database-wide and not in the dump; restore
 *   creates it where migration 0004 would.
 *
 * Restore refuses a database that already holds tables unless `force`; it
 * expects the site's instances to be stopped (they cache pages and rows).
 */

const run = promisify(execFile);

export type DatabaseSettings = { databaseUrl: string | undefined; dataDir: string };

export type BackupSummary = { engine: 'sqlite' | 'postgres'; file: string; bytes: number; articles: number; media: number; ms: number };

/** A restore or backup that must not go ahead; its message says why and what to do. */
export class BackupRefusedError extends Error {
  override name = 'BackupRefusedError';
}

/** The embedded database's file in `dataDir` (as lib/db/connect.ts opens it). */
export function sqlitePath(dataDir: string): string {
  return path.join(dataDir, 'kiji.sqlite');
}

/** Writes a backup of the configured database to `file` (replacing it); safe while the site runs. */
export async function backupDatabase(settings: DatabaseSettings, file: string): Promise<BackupSummary> {
  const started = Date.now();
  const target = path.resolve(file);
  const partial = `${target}.partial`;
  fs.rmSync(partial, { force: true });
  try {
    const counts = settings.databaseUrl ? await dumpPostgres(settings.databaseUrl, partial) : await backupSqlite(settings.dataDir, partial);
    fs.renameSync(partial, target);
    return { engine: settings.databaseUrl ? 'postgres' : 'sqlite', file: target, bytes: fs.statSync(target).size, ...counts, ms: Date.now() - started };
  } finally {
    fs.rmSync(partial, { force: true });
  }
}

/** Restores `file` (made by {@link backupDatabase} on the same engine) into the configured database. */
export async function restoreDatabase(settings: DatabaseSettings, file: string, { force = false }: { force?: boolean } = {}): Promise<BackupSummary> {
  const started = Date.now();
  const source = path.resolve(file);
  if (!fs.existsSync(source)) throw new BackupRefusedError(`No backup at ${source}.`);
  const counts = settings.databaseUrl ? await restorePostgres(settings.databaseUrl, source, force) : await restoreSqlite(settings.dataDir, source, force);
  return { engine: settings.databaseUrl ? 'postgres' : 'sqlite', file: source, bytes: fs.statSync(source).size, ...counts, ms: Date.now() - started };
}

type Counts = { articles: number; media: number };

// ---- SQLite ----

async function backupSqlite(dataDir: string, partial: string): Promise<Counts> {
  const source = sqlitePath(dataDir);
  if (!fs.existsSync(source)) throw new BackupRefusedError(`No database at ${source} (KIJI_DATA_DIR); nothing to back up.`);
  const db = new BetterSqlite3(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    await db.backup(partial);
  } finally {
    db.close();
  }
  const copy = new BetterSqlite3(partial);
  try {
    // One file to keep, without -wal/-shm beside it.
    copy.pragma('journal_mode = DELETE');
    const check = copy.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`the copy failed SQLite's quick_check: ${String(check)}`);
    return countSqlite(copy);
  } finally {
    copy.close();
  }
}

async function restoreSqlite(dataDir: string, source: string, force: boolean): Promise<Counts> {
  const backup = new BetterSqlite3(source, { readonly: true, fileMustExist: true });
  try {
    if (!hasSqliteTable(backup, 'kysely_migration') || !hasSqliteTable(backup, 'articles')) {
      throw new BackupRefusedError(`${source} is not a backup of a Kiji SQLite database.`);
    }
    const target = sqlitePath(dataDir);
    fs.mkdirSync(dataDir, { recursive: true });
    if (fs.existsSync(target)) {
      const existing = new BetterSqlite3(target);
      const tables = (existing.prepare(`select count(*) as n from sqlite_master where type = 'table'`).get() as { n: number }).n;
      existing.close();
      if (tables > 0 && !force) throw refusal(`${target} already holds ${tables} tables`);
    }
    await backup.backup(target);
  } finally {
    backup.close();
  }
  const restored = new BetterSqlite3(sqlitePath(dataDir), { readonly: true });
  try {
    return countSqlite(restored);
  } finally {
    restored.close();
  }
}

function hasSqliteTable(db: BetterSqlite3.Database, name: string): boolean {
  return db.prepare(`select 1 from sqlite_master where type = 'table' and name = ?`).get(name) !== undefined;
}

function countSqlite(db: BetterSqlite3.Database): Counts {
  const count = (table: string) => (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
  return { articles: count('articles'), media: count('media') };
}

// ---- PostgreSQL ----

/** libpq's variables for a postgres:// URL (pg_dump and pg_restore read them; a password on argv would show in `ps`). */
export function toLibpqEnv(databaseUrl: string): Record<string, string> {
  const url = new URL(databaseUrl);
  const env: Record<string, string> = {};
  if (url.hostname) env.PGHOST = decodeURIComponent(url.hostname.replace(/^\[|\]$/g, ''));
  if (url.port) env.PGPORT = url.port;
  if (url.username) env.PGUSER = decodeURIComponent(url.username);
  if (url.password) env.PGPASSWORD = decodeURIComponent(url.password);
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (database) env.PGDATABASE = database;
  const host = url.searchParams.get('host');
  if (host) env.PGHOST = host;
  const options = url.searchParams.get('options');
  if (options) env.PGOPTIONS = options;
  const sslmode = url.searchParams.get('sslmode');
  if (sslmode) env.PGSSLMODE = sslmode;
  return env;
}

async function withClient<T>(databaseUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function currentSchema(client: pg.Client): Promise<string> {
  return (await client.query<{ schema: string }>('select current_schema() as schema')).rows[0]!.schema;
}

async function countPostgres(client: pg.Client, schema: string): Promise<Counts> {
  const count = async (table: string) =>
    Number((await client.query<{ n: string }>(`select count(*) as n from ${client.escapeIdentifier(schema)}.${client.escapeIdentifier(table)}`)).rows[0]!.n);
  return { articles: await count('articles'), media: await count('media') };
}

async function tool(name: 'pg_dump' | 'pg_restore', args: string[], databaseUrl: string): Promise<string> {
  try {
    const { stdout } = await run(name, args, { env: { ...process.env, ...toLibpqEnv(databaseUrl) }, maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: string };
    if (failure.code === 'ENOENT') throw new BackupRefusedError(`${name} is not installed (Debian: apt-get install postgresql-client, the server's major version or newer).`);
    throw new Error(`${name} failed: ${failure.stderr?.trim() || failure.message}`);
  }
}

async function dumpPostgres(databaseUrl: string, partial: string): Promise<Counts> {
  return withClient(databaseUrl, async (client) => {
    const schema = await currentSchema(client);
    if (!(await hasPostgresTable(client, schema, 'articles'))) throw new BackupRefusedError(`Schema "${schema}" of DATABASE_URL holds no Kiji database; nothing to back up.`);
    await tool('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--schema=${schema}`, `--file=${partial}`], databaseUrl);
    return countPostgres(client, schema);
  });
}

async function restorePostgres(databaseUrl: string, source: string, force: boolean): Promise<Counts> {
  const listing = await tool('pg_restore', ['--list', source], databaseUrl).catch((error: unknown) => {
    throw new BackupRefusedError(`${source} is not a pg_dump archive (${error instanceof Error ? error.message : String(error)}).`);
  });
  const dumped = schemaOfListing(listing);
  if (!dumped) throw new BackupRefusedError(`${source} holds no Kiji tables.`);
  return withClient(databaseUrl, async (client) => {
    const schema = await currentSchema(client);
    if (schema !== dumped) {
      throw new BackupRefusedError(`The backup holds schema "${dumped}", but DATABASE_URL's schema is "${schema}": restore into a database whose search_path starts with "${dumped}".`);
    }
    const tables = Number(
      (await client.query<{ n: string }>(`select count(*) as n from information_schema.tables where table_schema = $1`, [schema])).rows[0]!.n,
    );
    if (tables > 0 && !force) throw refusal(`Schema "${schema}" of DATABASE_URL already holds ${tables} tables`);
    // The schema is made here, not by the dump: public always exists, and a named one may (empty).
    await client.query(`create schema if not exists ${client.escapeIdentifier(schema)}`);
    // As migration 0004: database-wide, in public unless it is already somewhere.
    await client.query('create extension if not exists pg_trgm schema public');
    const list = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kiji-restore-')), 'toc.list');
    fs.writeFileSync(list, withoutSchemaEntry(listing, schema));
    try {
      await tool(
        'pg_restore',
        ['--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', ...(tables > 0 ? ['--clean', '--if-exists'] : []), `--use-list=${list}`, `--dbname=${databaseName(databaseUrl)}`, source],
        databaseUrl,
      );
    } finally {
      fs.rmSync(path.dirname(list), { recursive: true, force: true });
    }
    return countPostgres(client, schema);
  });
}

/** The database's name alone (the rest of the connection travels in PG* variables). */
function databaseName(databaseUrl: string): string {
  const env = toLibpqEnv(databaseUrl);
  return env.PGDATABASE ?? env.PGUSER ?? 'postgres';
}

async function hasPostgresTable(client: pg.Client, schema: string, table: string): Promise<boolean> {
  return (await client.query(`select 1 from information_schema.tables where table_schema = $1 and table_name = $2`, [schema, table])).rowCount === 1;
}

/** The schema of the `articles` table in a `pg_restore --list` listing ("215; 1259 16390 TABLE kiji articles postgres"). */
export function schemaOfListing(listing: string): string | null {
  for (const line of listing.split('\n')) {
    const match = /^\d+; \d+ \d+ TABLE (\S+) articles /.exec(line);
    if (match) return match[1]!;
  }
  return null;
}

/** The listing without the entries that create (or, with --clean, drop) the schema itself and its comment. */
export function withoutSchemaEntry(listing: string, schema: string): string {
  const entry = new RegExp(`^\\d+; \\d+ \\d+ (SCHEMA - ${escapeRegExp(schema)} |COMMENT - SCHEMA ${escapeRegExp(schema)} )`);
  return listing
    .split('\n')
    .filter((line) => !entry.test(line))
    .join('\n');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function refusal(what: string): BackupRefusedError {
  return new BackupRefusedError(`${what}. Restore replaces a database only when told: add --force (after its own backup), or restore into an empty one.`);
}
