import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { Redis } from 'ioredis';
import { prepareAppCopy, startServer, stopServer } from '../bench/server';
import { dropTestPostgres, openTestPostgres, testSchemaUrl } from '../test/support/database';
import { E2E_PORT, E2E_REVALIDATE_SECRET } from './env';
import { commandApi, createDraftApi, draftOf, signInApi } from './newsroom-helpers';

/**
 * Two instances of one build on one PostgreSQL database and one Redis, as a
 * site with several instances runs (docs/adr/0024-invalidation-across-instances.md):
 * what the newsroom does through one is served by the other, whose pages
 * were cached before, through Redis and, with Redis stopped, through the
 * database's record of invalidations. Each instance runs from its own copy
 * of the build (its own page cache, as on separate machines); Redis is a
 * private server the test can stop. Runs in its own project after `load`.
 */

const PORTS = [E2E_PORT + 300, E2E_PORT + 301] as const;
const REDIS_PORT = E2E_PORT + 310;
const SCHEMA = `kiji_e2e_instances_${process.pid}`;
const PREFIX = 'kiji-e2e-instances:';

let work: string;
let redis: ChildProcess | null = null;
const servers: ChildProcess[] = [];

function startRedis(): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(REDIS_PORT), '--save', '', '--appendonly', 'no', '--bind', '127.0.0.1'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('Ready to accept connections') && resolve(child));
    child.on('exit', (code) => reject(new Error(`redis-server exited with ${code}`)));
  });
}

async function stopRedis(): Promise<void> {
  if (!redis) return;
  const exited = new Promise((r) => redis!.once('exit', r));
  redis.kill('SIGKILL');
  await exited;
  redis = null;
}

const origin = (port: number) => `http://127.0.0.1:${port}`;
const html = async (port: number, urlPath: string) => (await fetch(`${origin(port)}${urlPath}`)).text();

test.beforeAll(async () => {
  test.setTimeout(5 * 60_000);
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'kiji-e2e-instances-'));
  redis = await startRedis();
  await (await openTestPostgres(SCHEMA)).db.destroy();
  for (const port of PORTS) {
    const env = {
      DATABASE_URL: testSchemaUrl(SCHEMA),
      REDIS_URL: `redis://127.0.0.1:${REDIS_PORT}`,
      KIJI_REDIS_PREFIX: PREFIX,
      KIJI_DATA_DIR: path.join(work, `data-${port}`),
      SITE_URL: origin(port),
      KIJI_REVALIDATE_SECRET: E2E_REVALIDATE_SECRET,
      SMTP_URL: '',
    };
    // One after the other: the first migrates and seeds the shared database.
    servers.push(await startServer(env, port, { cwd: prepareAppCopy(path.join(work, `app-${port}`)) }));
  }
});

test.afterAll(async () => {
  for (const server of servers) await stopServer(server);
  await stopRedis();
  await dropTestPostgres(SCHEMA);
  fs.rmSync(work, { recursive: true, force: true });
});

test('what the newsroom does through one instance is served by the other, with Redis and without it', async () => {
  test.setTimeout(5 * 60_000);
  const [writer, reader] = PORTS;
  // The reader instance has its home page cached before the news.
  await expect.poll(async () => (await fetch(`${origin(reader)}/`)).headers.get('x-nextjs-cache'), { timeout: 30_000 }).toBe('HIT');

  const session = await signInApi(origin(writer));
  async function publish(headline: string) {
    const { id, revision } = await createDraftApi(session, draftOf({ headline }));
    const published = await commandApi(session, id, 'publish', { baseRevision: revision });
    expect(published.status).toBe(200);
    return { id, revision: published.body.article!.revision };
  }
  /** Milliseconds until the reader instance's home page (cached before) links to the article, or with `present: false` no longer does. */
  async function untilReaderHome(id: string, present = true) {
    const started = Date.now();
    await expect.poll(async () => (await html(reader, '/')).includes(`href="/articles/${id}"`), { timeout: 20_000, intervals: [50] }).toBe(present);
    return Date.now() - started;
  }

  // Through Redis: the writer announces on the site's channel (the reader's side of it is
  // lib/cache/invalidation-bus.test.ts), and the reader serves the story.
  const listener = new Redis(`redis://127.0.0.1:${REDIS_PORT}`);
  const announced: string[] = [];
  listener.on('message', (_channel: string, message: string) => announced.push(message));
  await listener.subscribe(`${PREFIX}invalidations`);
  const first = await publish(`一つ目の窓口で公開した記事${Date.now()}`);
  await expect.poll(() => announced.some((m) => (JSON.parse(m) as { tags: string[] }).tags.includes(`article:${first.id}`)), { timeout: 10_000 }).toBe(true);
  listener.disconnect();
  const viaRedis = await untilReaderHome(first.id);
  expect((await fetch(`${origin(reader)}/articles/${first.id}`)).status).toBe(200);

  // Redis gone: the database's record of invalidations carries it (read every 2 s).
  await stopRedis();
  const second = await publish(`Redisが止まっても届く記事${Date.now()}`);
  const viaDatabase = await untilReaderHome(second.id);

  // A withdrawal: 410 and off the home page on the other instance too.
  const withdrawn = await commandApi(session, first.id, 'unpublish', { baseRevision: first.revision });
  expect(withdrawn.status).toBe(200);
  await expect.poll(async () => (await fetch(`${origin(reader)}/articles/${first.id}`)).status, { timeout: 20_000, intervals: [100] }).toBe(410);
  const withdrawal = await untilReaderHome(first.id, false);

  const summary = `on the other instance after: a publish through Redis ${viaRedis} ms; with Redis stopped ${viaDatabase} ms; a withdrawal (off the home page) ${withdrawal} ms`;
  console.log(summary);
  test.info().annotations.push({ type: 'instances', description: summary });
});
