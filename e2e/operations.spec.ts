import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import pg from 'pg';
import { findListeningPid, prepareAppCopy, stopServerOnPort } from '../bench/server';
import { openDatabase } from '../lib/db/connect';
import { recreateTestPostgresDatabase, TEST_PG_URL } from '../test/support/database';
import { E2E_PORT } from './env';

/**
 * Operating an instance (issue 13, deploy/README.md), on production servers
 * started as README says (`npm start`), each from its own copy of the build:
 * - GET /api/health says what the database and Redis do, 503 once the database is gone;
 * - SIGTERM: requests in flight are answered, no new connection is taken, the process exits 0;
 * - `npm run backup` of a running site and `npm run restore` into an empty database
 *   give a site that serves the same article, on SQLite and on PostgreSQL.
 * Needs no browser; runs in its own project after the cluster.
 */

const exec = promisify(execFile);
const SQLITE_PORT = E2E_PORT + 70;
const SQLITE_RESTORED_PORT = E2E_PORT + 71;
const PG_PORT = E2E_PORT + 72;
const PG_RESTORED_PORT = E2E_PORT + 73;
const origin = (port: number) => `http://127.0.0.1:${port}`;

let work: string;
const started = new Map<number, Server>();
type Server = { child: ChildProcess; output: string[]; exited: Promise<number | null> };

/** `npm start` from a copy of the build; resolves once GET /api/health answers 200. */
async function startSite(port: number, env: Record<string, string>): Promise<Server> {
  const cwd = prepareAppCopy(path.join(work, `app-${port}`));
  const child = spawn('npm', ['start'], {
    cwd,
    env: { ...process.env, DATABASE_URL: '', REDIS_URL: '', SMTP_URL: '', KIJI_DATA_DIR: path.join(work, `data-${port}`), SITE_URL: origin(port), ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const output: string[] = [];
  child.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const server = { child, output, exited };
  started.set(port, server);
  await expect
    .poll(async () => (await fetch(`${origin(port)}/api/health`).catch(() => null))?.status, { timeout: 120_000, intervals: [500] })
    .toBe(200);
  return server;
}

async function npmRun(script: 'backup' | 'restore', args: string[], env: Record<string, string>): Promise<string> {
  const { stdout } = await exec('npm', ['run', '--silent', script, '--', ...args], { env: { ...process.env, DATABASE_URL: '', ...env } });
  return stdout;
}

const ogTitle = (html: string) => /<meta property="og:title" content="([^"]*)"/.exec(html)?.[1];

async function dropDatabase(name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  await admin.query(`drop database if exists ${admin.escapeIdentifier(name)} with (force)`);
  await admin.end();
}

/** A request whose body arrives over `ms`: in flight at the server for that long, whatever the machine's speed. */
function slowBeacon(port: number, id: string, ms: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${origin(port)}/api/views`, { method: 'POST', headers: { 'content-type': 'application/json', origin: origin(port) } }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode!));
    });
    request.on('error', reject);
    request.write('{"id":');
    setTimeout(() => request.end(JSON.stringify(id) + '}'), ms);
  });
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'kiji-e2e-operations-'));
});

test.afterAll(async () => {
  for (const [port, server] of started) await stopServerOnPort(port, server.child).catch(() => undefined);
  await dropDatabase(`kiji_e2e_ops_source_${PG_PORT}`);
  await dropDatabase(`kiji_e2e_ops_restored_${PG_PORT}`);
  fs.rmSync(work, { recursive: true, force: true });
});

test('SQLite: health, a backup while serving, SIGTERM with requests in flight, and the restored site', async () => {
  test.setTimeout(6 * 60_000);
  const site = await startSite(SQLITE_PORT, {});

  const health = await fetch(`${origin(SQLITE_PORT)}/api/health`);
  expect(health.headers.get('cache-control')).toBe('no-store');
  expect(await health.json()).toMatchObject({ status: 'ok', database: { engine: 'sqlite', state: 'up' }, redis: { state: 'not used' } });
  // The server process itself (Next.js's child of `next start`) runs with the young generation of ADR 0037.
  const serverPid = findListeningPid(SQLITE_PORT);
  expect(serverPid).not.toBeNull();
  const environ = fs.readFileSync(`/proc/${serverPid}/environ`, 'utf8').split('\0');
  expect(environ.find((e) => e.startsWith('NODE_OPTIONS='))).toContain('--max-semi-space-size=64');

  const conn = openDatabase({ dataDir: path.join(work, `data-${SQLITE_PORT}`) });
  const articles = await conn.db.selectFrom('articles').select(['id', 'headline']).where('status', '=', 'published').orderBy('published_at', 'desc').limit(6).execute();
  const count = Number((await conn.db.selectFrom('articles').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  await conn.db.destroy();
  const [first, ...unrendered] = articles;
  const page = await (await fetch(`${origin(SQLITE_PORT)}/articles/${first!.id}`)).text();
  expect(ogTitle(page)).toContain(first!.headline.slice(0, 8));

  // Backed up while the site serves.
  const file = path.join(work, 'site.sqlite');
  expect(await npmRun('backup', [file], { KIJI_DATA_DIR: path.join(work, `data-${SQLITE_PORT}`) })).toMatch(new RegExp(`${count} articles`));

  // SIGTERM while requests are in flight: a beacon whose body takes 2 s, and first renders of five pages.
  const pid = findListeningPid(SQLITE_PORT)!;
  const beacon = slowBeacon(SQLITE_PORT, first!.id, 2_000);
  const pages = unrendered.map((a) => fetch(`${origin(SQLITE_PORT)}/articles/${a.id}`).then(async (r) => ({ status: r.status, title: ogTitle(await r.text()) })));
  await new Promise((r) => setTimeout(r, 300));
  const signalled = Date.now();
  process.kill(pid, 'SIGTERM');
  await new Promise((r) => setTimeout(r, 300));
  // No new connection once the signal is taken.
  await expect(fetch(`${origin(SQLITE_PORT)}/api/health`)).rejects.toThrow();
  expect(await beacon).toBe(204);
  expect((await Promise.all(pages)).map((p) => p.status)).toEqual(unrendered.map(() => 200));
  const code = await site.exited;
  const seconds = (Date.now() - signalled) / 1000;
  console.log(`SIGTERM with ${1 + unrendered.length} requests in flight: exit ${code} after ${seconds.toFixed(2)} s`);
  expect(code).toBe(0);
  expect(seconds).toBeLessThan(10);
  // The server's log: JSON lines (lib/log) among Next.js's own.
  const log = site.output.join('').split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Record<string, unknown>);
  const stopping = log.find((entry) => entry.module === 'shutdown' && entry.msg === 'shutting down');
  expect(stopping).toMatchObject({ level: 'info', signal: 'SIGTERM', inFlight: expect.any(Number) });
  expect(stopping!.inFlight).toBeGreaterThan(0);
  expect(log).toContainEqual(expect.objectContaining({ module: 'shutdown', level: 'info', msg: 'stopped', code: 0, ms: expect.any(Number) }));
  expect(findListeningPid(SQLITE_PORT)).toBeNull();
  started.delete(SQLITE_PORT);

  // Restored into an empty data folder, served by a new server: the same article.
  const restoredDir = path.join(work, `data-${SQLITE_RESTORED_PORT}`);
  expect(await npmRun('restore', [file], { KIJI_DATA_DIR: restoredDir })).toMatch(new RegExp(`restored .*${count} articles`));
  await startSite(SQLITE_RESTORED_PORT, {});
  const restoredPage = await (await fetch(`${origin(SQLITE_RESTORED_PORT)}/articles/${first!.id}`)).text();
  expect(ogTitle(restoredPage)).toBe(ogTitle(page));
  const restored = openDatabase({ dataDir: restoredDir });
  expect(Number((await restored.db.selectFrom('articles').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBe(count);
  await restored.db.destroy();
});

test('PostgreSQL: health with Redis, the restored site, and 503 once the database is gone', async () => {
  test.setTimeout(6 * 60_000);
  const redisUrl = process.env.REDIS_TEST_URL ?? 'redis://127.0.0.1:6379';
  const sourceUrl = await recreateTestPostgresDatabase(`kiji_e2e_ops_source_${PG_PORT}`);
  const env = { DATABASE_URL: sourceUrl, REDIS_URL: redisUrl, KIJI_REDIS_PREFIX: `kiji-e2e-ops-${PG_PORT}:` };
  await startSite(PG_PORT, env);
  expect(await (await fetch(`${origin(PG_PORT)}/api/health`)).json()).toMatchObject({ status: 'ok', database: { engine: 'postgres', state: 'up' }, redis: { state: 'up' } });

  const conn = openDatabase({ databaseUrl: sourceUrl, dataDir: '' });
  const article = await conn.db.selectFrom('articles').select(['id', 'headline']).where('status', '=', 'published').orderBy('published_at', 'desc').executeTakeFirstOrThrow();
  await conn.db.destroy();
  const page = await (await fetch(`${origin(PG_PORT)}/articles/${article.id}`)).text();
  expect(ogTitle(page)).toContain(article.headline.slice(0, 8));

  const file = path.join(work, 'site.dump');
  await npmRun('backup', [file], { DATABASE_URL: sourceUrl });
  const restoredUrl = await recreateTestPostgresDatabase(`kiji_e2e_ops_restored_${PG_PORT}`);
  await npmRun('restore', [file], { DATABASE_URL: restoredUrl });
  await startSite(PG_RESTORED_PORT, { ...env, DATABASE_URL: restoredUrl, KIJI_SEED_DEMO: 'false' });
  expect(ogTitle(await (await fetch(`${origin(PG_RESTORED_PORT)}/articles/${article.id}`)).text())).toBe(ogTitle(page));

  // The source's database disappears under it: 503 at once, and the answer never hangs.
  await dropDatabase(`kiji_e2e_ops_source_${PG_PORT}`);
  const asked = Date.now();
  const down = await fetch(`${origin(PG_PORT)}/api/health`);
  expect(Date.now() - asked).toBeLessThan(2_000);
  expect(down.status).toBe(503);
  expect(await down.json()).toMatchObject({ status: 'unavailable', database: { state: 'down' }, redis: { state: 'up' } });
});
