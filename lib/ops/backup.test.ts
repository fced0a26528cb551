import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Connection } from '../db/connect';
import { prepareDatabase } from '../db/prepare';
import { recreateTestPostgresDatabase, TEST_PG_URL } from '../../test/support/database';
import { schemaOfListing, toLibpqEnv } from './backup';

/**
 * `npm run backup` and `npm run restore`, run as an operator runs them, on
 * both engines: a seeded demo site (74 articles and their pictures) is backed
 * up, restored into an empty database, and must be the same row for row;
 * restore refuses a database that holds tables without --force. That the
 * restored database serves the same pages is e2e/operations.spec.ts.
 */

const exec = promisify(execFile);
const NOW = new Date('2026-11-20T03:00:00.000Z');
/** What makes the site: content, pictures, the newsroom's accounts and history, subscribers, secrets, the schema's version. */
export const KEY_TABLES = [
  'articles', 'media', 'sections', 'topics', 'tags', 'series', 'authors', 'article_tags', 'article_topics', 'article_authors',
  'magazine_issues', 'publications', 'editors', 'article_revisions', 'server_secrets', 'kysely_migration',
] as const;

/** Every row of each table, in a stable order, hashed: equal when the contents are. */
export async function tableChecksums({ db }: Connection): Promise<Record<string, string>> {
  const sums: Record<string, string> = {};
  for (const table of KEY_TABLES) {
    const rows = (await db.selectFrom(table as 'articles').selectAll().execute()) as Record<string, unknown>[];
    const lines = rows.map((row) => JSON.stringify(Object.keys(row).sort().map((k) => [k, Buffer.isBuffer(row[k]) ? (row[k] as Buffer).toString('base64') : row[k]]))).sort();
    sums[table] = `${rows.length}:${createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16)}`;
  }
  return sums;
}

type Run = { code: number; stdout: string; stderr: string };
async function npmRun(script: 'backup' | 'restore', args: string[], env: Record<string, string>): Promise<Run> {
  const base = { ...process.env, DATABASE_URL: '', KIJI_DATA_DIR: '', ...env };
  try {
    const { stdout, stderr } = await exec('npx', ['tsx', 'scripts/backup.ts', script, ...args], { env: base });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

type Site = { env: Record<string, string>; open(): Connection; drop(): Promise<void> };

function sqliteSite(dir: string): Site {
  return { env: { KIJI_DATA_DIR: dir }, open: () => openDatabase({ dataDir: dir }), drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** A database of its own on the test server (its public schema, as a publisher's), dropped afterwards. */
async function postgresSite(name: string): Promise<Site> {
  const url = await recreateTestPostgresDatabase(name);
  return {
    env: { DATABASE_URL: url },
    open: () => openDatabase({ databaseUrl: url, dataDir: '' }),
    async drop() {
      const client = new pg.Client({ connectionString: TEST_PG_URL });
      await client.connect();
      await client.query(`drop database if exists ${client.escapeIdentifier(name)} with (force)`);
      await client.end();
    },
  };
}

describe.each(['sqlite', 'postgres'] as const)('backup and restore on %s', (engine) => {
  let work: string;
  let source: Site;
  let target: Site;
  let file: string;
  let before: Record<string, string>;

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), `kiji-backup-${engine}-`));
    source = engine === 'sqlite' ? sqliteSite(path.join(work, 'source')) : await postgresSite(`kiji_backup_source_${process.pid}`);
    target = engine === 'sqlite' ? sqliteSite(path.join(work, 'target')) : await postgresSite(`kiji_backup_target_${process.pid}`);
    const conn = source.open();
    await prepareDatabase(conn, { seedDemo: true, now: NOW });
    before = await tableChecksums(conn);
    await conn.db.destroy();
    file = path.join(work, `site.${engine === 'sqlite' ? 'sqlite' : 'dump'}`);
  }, 180_000);

  afterAll(async () => {
    await source?.drop();
    await target?.drop();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it('backs the seeded site up in one command, pictures and all', async () => {
    expect(Number(before.articles!.split(':')[0])).toBeGreaterThanOrEqual(74);
    expect(Number(before.media!.split(':')[0])).toBeGreaterThan(0);
    const backup = await npmRun('backup', [file], source.env);
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(new RegExp(`backed up to .*\\(${engine === 'sqlite' ? 'SQLite' : 'PostgreSQL'}, ${before.articles!.split(':')[0]} articles, ${before.media!.split(':')[0]} pictures`));
    expect(fs.statSync(file).size).toBeGreaterThan(100_000);
    expect(fs.existsSync(`${file}.partial`)).toBe(false);
  }, 60_000);

  it('restores into an empty database, the same row for row', async () => {
    const restore = await npmRun('restore', [file], target.env);
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    const conn = target.open();
    try {
      expect(await tableChecksums(conn)).toEqual(before);
    } finally {
      await conn.db.destroy();
    }
  }, 120_000);

  it('refuses to restore over a database that holds tables, and says how to', async () => {
    const conn = target.open();
    try {
      // An editor's correction made after the restore.
      await conn.db.updateTable('articles').set({ headline: '訂正後の見出し' }).where('id', '=', (await conn.db.selectFrom('articles').select('id').limit(1).executeTakeFirstOrThrow()).id).execute();
      const changed = await tableChecksums(conn);
      expect(changed).not.toEqual(before);
      const refused = await npmRun('restore', [file], target.env);
      expect(refused.code).toBe(3);
      expect(refused.stderr).toMatch(/already holds \d+ tables\. Restore replaces a database only when told: add --force/);
      expect(await tableChecksums(conn)).toEqual(changed);
    } finally {
      await conn.db.destroy();
    }
  }, 60_000);

  it('replaces it with --force', async () => {
    const forced = await npmRun('restore', [file, '--force'], target.env);
    expect(forced.stderr).toBe('');
    expect(forced.code).toBe(0);
    const conn = target.open();
    try {
      expect(await tableChecksums(conn)).toEqual(before);
    } finally {
      await conn.db.destroy();
    }
  }, 120_000);

  it('refuses a file that is not a backup for this engine', async () => {
    const bogus = path.join(work, 'not-a-backup');
    fs.writeFileSync(bogus, 'hello');
    const refused = await npmRun('restore', [bogus, '--force'], target.env);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/restore failed: .*not a (pg_dump archive|backup of a Kiji SQLite database|database)/);
  }, 60_000);
});

describe('the PostgreSQL tools get the connection out of sight', () => {
  it('turns DATABASE_URL into libpq variables, password included, so no command line shows it', () => {
    expect(toLibpqEnv('postgres://kiji:s%40cret@db.internal:5433/site?sslmode=require&options=-c%20search_path%3Dkiji')).toEqual({
      PGHOST: 'db.internal',
      PGPORT: '5433',
      PGUSER: 'kiji',
      PGPASSWORD: 's@cret',
      PGDATABASE: 'site',
      PGSSLMODE: 'require',
      PGOPTIONS: '-c search_path=kiji',
    });
  });

  it("reads the articles table's schema from pg_restore's listing", () => {
    expect(schemaOfListing(';\n; Selected TOC Entries:\n;\n215; 1259 16390 TABLE public articles postgres\n')).toBe('public');
    expect(schemaOfListing('216; 1259 16391 TABLE public media postgres\n')).toBeNull();
  });
});
