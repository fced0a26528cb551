import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { signIn } from '../bench/editor-client';
import { findListeningPid, stopServerOnPort } from '../bench/server';
import { openDatabase } from '../lib/db/connect';
import { DEMO_EDITOR } from '../lib/newsroom/startup';
import { SHUTDOWN_DEFAULTS } from '../lib/ops/shutdown';
import { E2E_PORT } from './env';

/**
 * The standalone server (ADR 0027, deploy/README.md): `npm run build` leaves
 * `.next/standalone`, with `public/` and `.next/static` copied in by
 * `postbuild`. A copy of that folder alone, placed outside the checkout (no
 * node_modules, source or `.next` of the checkout within reach), is started
 * as a service manager would: `node server.js` with PORT, HOSTNAME,
 * KIJI_DATA_DIR and NEXT_MANUAL_SIG_HANDLE=true. It must create, migrate and
 * seed its database, serve pages, pictures, scripts and the newsroom (a
 * sign-in, a draft and its live preview, which is a Server Action), and stop
 * with exit 0 on SIGTERM. It runs with the environment and stop signal of
 * the systemd unit (deploy/systemd/kiji@.service), which `systemd-analyze
 * verify` must accept without a word. Its own project, after the operations spec.
 */

const PORT = E2E_PORT + 80;
const origin = `http://127.0.0.1:${PORT}`;
const STANDALONE = path.join(process.cwd(), '.next', 'standalone');

const UNIT = path.join(process.cwd(), 'deploy', 'systemd', 'kiji@.service');

/** `Key=value` settings of the unit for instance `instance` (%i replaced), each key's values in order. */
function readUnit(instance: string): Map<string, string[]> {
  const settings = new Map<string, string[]>();
  for (const line of fs.readFileSync(UNIT, 'utf8').split('\n')) {
    const match = /^([A-Za-z]+)=(.*)$/.exec(line.trim());
    if (!match) continue;
    settings.set(match[1]!, [...(settings.get(match[1]!) ?? []), match[2]!.replaceAll('%i', instance)]);
  }
  return settings;
}

/** The unit's `Environment=` lines as variables. */
function unitEnvironment(unit: Map<string, string[]>): Record<string, string> {
  return Object.fromEntries((unit.get('Environment') ?? []).map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
}

let work: string;
let app: string;
let server: { child: ChildProcess; output: string[]; exited: Promise<number | null> } | null = null;

/** Every symbolic link under `dir` whose target lies outside it. */
function linksLeaving(dir: string): string[] {
  const leaving: string[] = [];
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[]) {
    if (!entry.isSymbolicLink()) continue;
    const link = path.join(entry.parentPath, entry.name);
    const target = path.resolve(path.dirname(link), fs.readlinkSync(link));
    if (!target.startsWith(dir + path.sep)) leaving.push(`${path.relative(dir, link)} -> ${target}`);
  }
  return leaving;
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(() => {
  expect(fs.existsSync(path.join(STANDALONE, 'server.js')), 'npm run build writes .next/standalone/server.js').toBe(true);
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'kiji-e2e-standalone-'));
  app = path.join(work, 'app');
  // What a deployment copies to a machine: the folder, links kept as links.
  fs.cpSync(STANDALONE, app, { recursive: true, verbatimSymlinks: true });
});

test.afterAll(async () => {
  if (server && findListeningPid(PORT) !== null) await stopServerOnPort(PORT, null).catch(() => undefined);
  fs.rmSync(work, { recursive: true, force: true });
});

test('a copy of .next/standalone outside the checkout serves the site and the newsroom, and stops cleanly on SIGTERM', async ({ page }) => {
  test.setTimeout(5 * 60_000);
  expect(path.relative(process.cwd(), app).startsWith('..')).toBe(true);
  expect(linksLeaving(app)).toEqual([]);
  // Next.js leaves these to the deployment; postbuild copies them in.
  expect(fs.existsSync(path.join(app, 'public', 'brand', 'kiji-logo.png'))).toBe(true);
  expect(fs.readdirSync(path.join(app, '.next', 'static', 'chunks')).length).toBeGreaterThan(0);

  // As systemd starts instance 1, but on this run's port and data folder.
  const unit = readUnit('1');
  const unitEnv = unitEnvironment(unit);
  expect(unitEnv).toMatchObject({ NODE_ENV: 'production', PORT: '3001', HOSTNAME: '127.0.0.1', NEXT_MANUAL_SIG_HANDLE: 'true' });
  expect(unit.get('ExecStart')).toEqual([`/usr/bin/node --max-semi-space-size=64 ${unit.get('WorkingDirectory')![0]}/server.js`]);
  const dataDir = path.join(work, 'data');
  const child = spawn(process.execPath, ['--max-semi-space-size=64', 'server.js'], {
    cwd: app,
    env: { NODE_ENV: 'production', PATH: process.env.PATH ?? '/usr/bin:/bin', ...unitEnv, PORT: String(PORT), KIJI_DATA_DIR: dataDir, SITE_URL: origin },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  server = { child, output, exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))) };

  // Started = healthy, after creating, migrating and seeding the database.
  await expect
    .poll(async () => (await fetch(`${origin}/api/health`).catch(() => null))?.status, { timeout: 120_000, intervals: [500], message: 'the standalone server answers GET /api/health' })
    .toBe(200)
    .catch((error: unknown) => {
      console.log(output.join(''));
      throw error;
    });
  const health = await fetch(`${origin}/api/health`);
  expect(await health.json()).toMatchObject({ status: 'ok', database: { engine: 'sqlite', state: 'up' }, redis: { state: 'not used' } });
  expect(fs.existsSync(path.join(dataDir, 'kiji.sqlite'))).toBe(true);

  const conn = openDatabase({ dataDir });
  const article = await conn.db
    .selectFrom('articles')
    .select(['id', 'headline'])
    .where('status', '=', 'published')
    .orderBy('published_at', 'desc')
    .executeTakeFirstOrThrow();
  await conn.db.destroy();

  // Pages, the build's scripts, a file of public/, a stored picture through the image optimiser (sharp).
  const home = await fetch(`${origin}/`);
  expect(home.status).toBe(200);
  const homeHtml = await home.text();
  expect(homeHtml).toContain(`/articles/${article.id}`);
  const script = /src="(\/_next\/static\/chunks\/[^"]+\.js)"/.exec(homeHtml)?.[1];
  expect(script).toBeTruthy();
  expect((await fetch(`${origin}${script}`)).status).toBe(200);
  expect((await fetch(`${origin}/brand/kiji-logo.png`)).status).toBe(200);

  const articleResponse = await fetch(`${origin}/articles/${article.id}`);
  expect(articleResponse.status).toBe(200);
  const articleHtml = await articleResponse.text();
  expect(articleHtml).toContain(article.headline.slice(0, 8));
  const picture = /src="(\/_next\/image\?url=[^"]+)"/.exec(articleHtml)?.[1]?.replaceAll('&amp;', '&');
  expect(picture).toBeTruthy();
  const optimised = await fetch(`${origin}${picture}`, { headers: { accept: 'image/avif,image/webp' } });
  expect(optimised.status).toBe(200);
  expect(optimised.headers.get('content-type')).toMatch(/^image\/(avif|webp)$/);

  // The newsroom: a sign-in over the API, then in Chromium a new draft whose
  // live preview comes from a Server Action, and its save.
  const { session } = await signIn(origin, DEMO_EDITOR.login, DEMO_EDITOR.password);
  const list = await fetch(`${origin}/newsroom`, { headers: { cookie: session.cookie } });
  expect(list.status).toBe(200);
  expect(await list.text()).toContain('新規作成');

  await page.goto(`${origin}/newsroom`);
  await expect(page).toHaveURL(/\/newsroom\/sign-in/);
  await page.getByLabel('ユーザー名').fill(DEMO_EDITOR.login);
  await page.getByLabel('パスワード').fill(DEMO_EDITOR.password);
  await page.getByRole('button', { name: 'サインイン' }).click();
  await page.waitForURL(`${origin}/newsroom`);
  await page.getByRole('button', { name: '新規作成' }).click();
  await page.waitForURL(/\/newsroom\/articles\/new$/);
  const headline = `単独サーバーの試験記事 ${Date.now()}`;
  await page.getByLabel('見出し', { exact: true }).fill(headline);
  await page.getByLabel('本文', { exact: true }).fill('単独で動くサーバーから配信する。');
  await expect(page.getByTestId('live-preview').locator('h1')).toHaveText(headline);
  await page.getByRole('button', { name: '下書き保存' }).click();
  await expect(page.getByTestId('save-state')).toContainText('保存しました');
  await page.close();

  // The unit's stop: its KillSignal to node alone; Kiji's handler (NEXT_MANUAL_SIG_HANDLE)
  // exits 0 long before systemd's SIGKILL, which waits for the grace and both phases of hooks.
  expect(unit.get('KillSignal')).toEqual(['SIGTERM']);
  expect(unit.get('KillMode')).toEqual(['mixed']);
  expect(Number(unit.get('TimeoutStopSec')![0]) * 1000).toBeGreaterThan(SHUTDOWN_DEFAULTS.graceMs + 2 * SHUTDOWN_DEFAULTS.hookMs);
  const pid = findListeningPid(PORT);
  expect(pid).toBe(child.pid);
  process.kill(pid!, 'SIGTERM');
  expect(await server.exited).toBe(0);
  const log = output.join('');
  // The server's log: JSON lines (lib/log) among Next.js's own.
  const entries = log.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(entries).toContainEqual(expect.objectContaining({ module: 'shutdown', msg: 'shutting down', signal: 'SIGTERM' }));
  expect(entries).toContainEqual(expect.objectContaining({ module: 'shutdown', msg: 'stopped', code: 0, ms: expect.any(Number) }));
  expect(log).not.toMatch(/NEXT_MANUAL_SIG_HANDLE is not set/);
  expect(findListeningPid(PORT)).toBeNull();
});

test('systemd accepts the unit: systemd-analyze verify says nothing about it', async () => {
  // A copy, so the template is verified as instance 1 from its own folder.
  const dir = fs.mkdtempSync(path.join(work, 'unit-'));
  fs.copyFileSync(UNIT, path.join(dir, 'kiji@.service'));
  // Unknown keys and bad values are warnings with exit 0: any output is a failure.
  const { stdout, stderr } = await promisify(execFile)('systemd-analyze', ['verify', '--man=no', path.join(dir, 'kiji@1.service')]);
  expect(stdout + stderr).toBe('');
});

test('the standalone server ships no devDependency: what it traces from the product is production code only', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
  const shipped = fs.readdirSync(path.join(STANDALONE, 'node_modules')).flatMap((entry) =>
    entry.startsWith('@') ? fs.readdirSync(path.join(STANDALONE, 'node_modules', entry)).map((name) => `${entry}/${name}`) : [entry],
  );
  expect(shipped).toContain('next');
  expect(shipped.filter((name) => name in pkg.devDependencies)).toEqual([]);
});
