import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { findListeningPid } from '../bench/server';
import { dropTestPostgres, openTestPostgres, testSchemaUrl } from '../test/support/database';
import { E2E_PORT, E2E_REVALIDATE_SECRET } from './env';
import { createDraft } from '../bench/editor-client';
import { commandApi, createDraftApi, draftOf, editorHeaders, signInApi } from './newsroom-helpers';

/**
 * `npm run cluster` as README gives it (docs/adr/0025-nginx-front.md):
 * three instances of the build on PostgreSQL and Redis, Debian's nginx in
 * front with deploy/nginx's configuration. Readers go through nginx: it
 * keeps pages for their own minute and never what is one person's, a
 * publish or correction through it shows through it at once (the instances
 * purge what a write made old), a breaking flag reaches every instance's
 * ticker, an instance restarted after missing a change never serves the old
 * page, and an instance killed under readers costs none of them a request.
 * Runs in its own project after `instances`.
 */

const NGINX_PORT = E2E_PORT + 400;
/** nginx's purge address (scripts/cluster.ts: PORT + 100). */
const PURGE_PORT = NGINX_PORT + 100;
const INSTANCE_PORTS = [E2E_PORT + 401, E2E_PORT + 402, E2E_PORT + 403];
const SCHEMA = `kiji_e2e_cluster_${process.pid}`;
const base = `http://127.0.0.1:${NGINX_PORT}`;

let work: string;
let cluster: ChildProcess;

/** What every instance of the cluster runs with (besides its port). */
const clusterEnv = () => ({
  DATABASE_URL: testSchemaUrl(SCHEMA),
  REDIS_URL: process.env.E2E_REDIS_URL || 'redis://127.0.0.1:6379/1',
  KIJI_REDIS_PREFIX: `kiji-e2e-cluster-${process.pid}:`,
  SITE_URL: base,
  KIJI_REVALIDATE_SECRET: E2E_REVALIDATE_SECRET,
  SMTP_URL: '',
});

test.beforeAll(async () => {
  test.setTimeout(5 * 60_000);
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'kiji-e2e-cluster-'));
  await (await openTestPostgres(SCHEMA)).db.destroy();
  cluster = spawn('npm', ['run', 'cluster'], {
    detached: true,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      ...process.env,
      ...clusterEnv(),
      PORT: String(NGINX_PORT),
      KIJI_INSTANCE_PORT: String(INSTANCE_PORTS[0]),
      KIJI_INSTANCES: String(INSTANCE_PORTS.length),
      KIJI_CLUSTER_DIR: path.join(work, 'cluster'),
    },
  });
  await expect
    .poll(async () => (await fetch(`${base}/`).catch(() => null))?.status, { timeout: 4 * 60_000, intervals: [1_000] })
    .toBe(200);
});

test.afterAll(async () => {
  if (cluster?.pid) {
    const exited = new Promise((r) => cluster.once('exit', r));
    process.kill(-cluster.pid, 'SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 20_000))]);
    try {
      process.kill(-cluster.pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
  for (const port of [NGINX_PORT, ...INSTANCE_PORTS]) {
    const pid = findListeningPid(port);
    if (pid) process.kill(pid, 'SIGKILL');
  }
  await dropTestPostgres(SCHEMA);
  fs.rmSync(work, { recursive: true, force: true });
});

const cacheOf = async (url: string) => (await fetch(`${base}${url}`)).headers.get('x-cache');

test('nginx keeps pages for their own minute and never what is one person’s', async () => {
  await expect.poll(() => cacheOf('/'), { timeout: 10_000, intervals: [100] }).toBe('HIT');
  // Past the old one-second micro-cache: the page's s-maxage (a minute) is what nginx keeps it for.
  await new Promise((r) => setTimeout(r, 2_500));
  expect(await cacheOf('/')).toBe('HIT');
  for (const url of ['/newsroom/sign-in', '/api/rails', '/search?q=経済']) {
    await cacheOf(url);
    expect(await cacheOf(url), url).toBe('BYPASS');
  }
  // The client router's requests vary by headers the key does not hold: never from the cache.
  const rsc = await fetch(`${base}/`, { headers: { RSC: '1' } });
  expect(rsc.headers.get('x-cache')).toBe('BYPASS');
  expect(rsc.headers.get('content-type')).toContain('text/x-component');
  expect((await fetch(`${base}/`)).headers.get('content-type')).toContain('text/html');
  // One copy per encoding: a reader without gzip gets the page unencoded, one with it gzipped.
  const plain = await fetch(`${base}/`, { headers: { 'Accept-Encoding': 'identity' } });
  expect(plain.headers.get('content-encoding')).toBeNull();
  expect(await plain.text()).toContain('</html>');
  // The purge address answers only the instances' hosts, and is not on the readers' port.
  expect((await fetch(`${base}/gzip/`)).status).toBe(404);
  expect((await fetch(`http://127.0.0.1:${PURGE_PORT}/gzip/nothing-here`)).status).toBe(404);
});

test('a correction through nginx shows through nginx at once, and the old page never comes back', async () => {
  const session = await signInApi(base);
  const draft = draftOf({ headline: `訂正前の見出し${Date.now()}` });
  const { id, revision } = await createDraftApi(session, draft);
  const published = await commandApi(session, id, 'publish', { baseRevision: revision });
  expect(published.status).toBe(200);
  const url = `${base}/articles/${id}`;
  await expect.poll(async () => (await fetch(url)).headers.get('x-cache'), { timeout: 20_000, intervals: [200] }).toBe('HIT');
  expect(await (await fetch(url)).text()).toContain(draft.headline);

  const corrected = `訂正後の見出し${Date.now()}`;
  expect((await commandApi(session, id, 'update', { draft: { ...draft, headline: corrected }, baseRevision: published.body.article!.revision })).status).toBe(200);
  const started = Date.now();
  await expect.poll(async () => (await (await fetch(url)).text()).includes(corrected), { timeout: 20_000, intervals: [50] }).toBe(true);
  const visible = Date.now() - started;
  // Every later answer is the corrected page, from nginx's copy once it has one (an instance's STALE answer is never kept).
  for (let i = 0; i < 20; i++) {
    const html = await (await fetch(url)).text();
    expect(html, `answer ${i + 1} after the correction showed`).toContain(corrected);
    expect(html).not.toContain(draft.headline);
    await new Promise((r) => setTimeout(r, 100));
  }
  await expect.poll(async () => (await fetch(url)).headers.get('x-cache'), { timeout: 10_000, intervals: [200] }).toBe('HIT');
  console.log(`through nginx: a correction on the article page after ${visible} ms`);
  test.info().annotations.push({ type: 'cluster', description: `correction visible through nginx after ${visible} ms` });
});

test('a publish through nginx shows through nginx; a withdrawal answers 410 there and on every instance', async () => {
  const session = await signInApi(base);
  const { id, revision } = await createDraftApi(session, draftOf({ headline: `三つのインスタンスの前に立つnginx${Date.now()}` }));
  await expect.poll(() => cacheOf('/'), { timeout: 10_000, intervals: [100] }).toBe('HIT');
  const published = await commandApi(session, id, 'publish', { baseRevision: revision });
  expect(published.status).toBe(200);
  const started = Date.now();
  await expect.poll(async () => (await (await fetch(`${base}/`)).text()).includes(`href="/articles/${id}"`), { timeout: 20_000, intervals: [50] }).toBe(true);
  const visible = Date.now() - started;
  expect((await commandApi(session, id, 'unpublish', { baseRevision: published.body.article!.revision })).status).toBe(200);
  await expect.poll(async () => (await fetch(`${base}/articles/${id}`)).status, { timeout: 20_000, intervals: [100] }).toBe(410);
  // On every instance too, asked directly: none serves the withdrawn story from its own cache.
  for (const port of INSTANCE_PORTS) {
    await expect.poll(async () => (await fetch(`http://127.0.0.1:${port}/articles/${id}`)).status, { timeout: 20_000, intervals: [100], message: `the instance on ${port}` }).toBe(410);
  }
  console.log(`through nginx: a publish on the home page after ${visible} ms`);
  test.info().annotations.push({ type: 'cluster', description: `publish visible through nginx after ${visible} ms` });

  // The logs (lib/log, deploy/nginx kiji_json): nginx's id for the publish is on the instance's line for it.
  const logs = path.join(work, 'cluster', 'logs');
  const readLines = (file: string) =>
    fs.existsSync(path.join(logs, file)) ? fs.readFileSync(path.join(logs, file), 'utf8').split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Record<string, unknown>) : [];
  const publishPath = `/api/newsroom/articles/${id}/publish`;
  // nginx writes its buffer at least every second.
  await expect.poll(() => readLines('nginx-access.json').some((entry) => entry.path === publishPath), { timeout: 10_000 }).toBe(true);
  const access = readLines('nginx-access.json').find((entry) => entry.path === publishPath)!;
  // A POST is never looked up in the cache (its status is empty); the home page's readers were answered from it.
  expect(access).toMatchObject({ method: 'POST', status: 200, cache: '', request_id: expect.stringMatching(/^[0-9a-f]{32}$/), upstream: expect.stringMatching(/^127\.0\.0\.1:\d+$/) });
  expect(readLines('nginx-access.json')).toContainEqual(expect.objectContaining({ method: 'GET', path: '/', status: 200, cache: 'HIT', upstream: '' }));
  const instanceLines = INSTANCE_PORTS.map((_, i) => readLines(`instance-${i + 1}.json`));
  const publishedBy = INSTANCE_PORTS.findIndex((port) => access.upstream === `127.0.0.1:${port}`);
  expect(instanceLines[publishedBy]).toContainEqual(expect.objectContaining({ msg: 'article published', articleId: id, reqId: access.request_id, level: 'info' }));
  // The other instances applied it, outside any request.
  await expect
    .poll(() => INSTANCE_PORTS.filter((_, i) => i !== publishedBy && readLines(`instance-${i + 1}.json`).some((e) => e.msg === 'applied an invalidation from another instance' && String(e.tags).includes(`article:${id}`))).length, { timeout: 10_000 })
    .toBe(2);
  // Never the editor's session.
  const cookieValue = session.cookie.split('=').slice(1).join('=');
  for (const file of ['nginx-access.json', ...INSTANCE_PORTS.map((_, i) => `instance-${i + 1}.json`)]) expect(fs.readFileSync(path.join(logs, file), 'utf8')).not.toContain(cookieValue);
});

const instance = (port: number) => `http://127.0.0.1:${port}`;
type Rails = { breaking: { headline: string; breaking: boolean }[] };
const breakingOn = async (port: number, headline: string) =>
  ((await (await fetch(`${instance(port)}/api/rails`)).json()) as Rails).breaking.find((item) => item.headline === headline)?.breaking ?? false;

test('a breaking flag set through nginx is in every instance’s ticker', async () => {
  const session = await signInApi(base);
  const draft = draftOf({ headline: `全インスタンスに届く速報${Date.now()}` });
  const { id, revision } = await createDraftApi(session, draft);
  const published = await commandApi(session, id, 'publish', { baseRevision: revision });
  expect(published.status).toBe(200);
  for (const port of INSTANCE_PORTS) await expect.poll(() => breakingOn(port, draft.headline), { timeout: 20_000 }).toBe(false);
  // The desk marks the live story 速報 (an 更新 of its draft).
  const flagged = await commandApi(session, id, 'update', {
    draft: { ...draft, breakingUntil: new Date(Date.now() + 3_600_000).toISOString() },
    baseRevision: published.body.article!.revision,
  });
  expect(flagged.status).toBe(200);
  const started = Date.now();
  for (const port of INSTANCE_PORTS) {
    await expect.poll(() => breakingOn(port, draft.headline), { timeout: 20_000, message: `the ticker of the instance on ${port}` }).toBe(true);
    // The ticker rendered into each instance's pages too (what a reader without JavaScript sees).
    await expect
      .poll(async () => {
        const html = await (await fetch(`${instance(port)}/`)).text();
        const ticker = html.slice(html.indexOf('data-testid="breaking-ticker"'));
        return ticker.slice(0, ticker.indexOf('</section>')).includes(draft.headline) && ticker.includes('速報');
      }, { timeout: 20_000, message: `the ticker in the page of the instance on ${port}` })
      .toBe(true);
  }
  console.log(`a breaking flag in every instance's ticker after ${Date.now() - started} ms`);
  expect((await commandApi(session, id, 'unpublish', { baseRevision: flagged.body.article!.revision })).status).toBe(200);
});

type LiveUpdate = { posts: { id: string }[] };

test('a live page’s polls are answered by nginx from one copy for a second, never from an older one; a post reaches them through nginx and on every instance', async () => {
  const session = await signInApi(base);
  const editor = { origin: session.base, cookie: session.cookie, csrf: session.csrf };
  const { id, revision } = await createDraft(editor, draftOf({ headline: `クラスターのライブ${Date.now()}`, body: 'リード文。' }), 'live');
  const published = await commandApi(session, id, 'publish', { baseRevision: revision });
  expect(published.status).toBe(200);
  const livePost = async (body: string) => {
    const response = await fetch(`${base}/api/newsroom/articles/${id}/live/post`, { method: 'POST', headers: editorHeaders(session), body: JSON.stringify({ body }) });
    expect(response.status).toBe(200);
    return ((await response.json()) as { postId: string }).postId;
  };
  const first = await livePost('第1報:クラスターで配信を始めます。');
  // What every reader whose newest post is the first asks (components/live/live-feed.client.tsx).
  const poll = `/api/live/${id}?after=${first}`;

  // Readers polling at once: one request reaches an instance, the others wait for it and get its copy.
  await expect(async () => {
    const together = await Promise.all(Array.from({ length: 10 }, () => fetch(`${base}${poll}`)));
    expect(together.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(together.map((r) => r.headers.get('x-cache'))).toContain('HIT');
    // The answer still says s-maxage=5 to a CDN in front; nginx keeps its copy one second, not five.
    expect(together[0]!.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=5');
  }).toPass({ timeout: 30_000 });
  await new Promise((r) => setTimeout(r, 2_500));
  const later = await fetch(`${base}${poll}`);
  // Neither HIT (kept for the answer's 5 s) nor STALE (the old copy served while the next is fetched).
  expect(['EXPIRED', 'MISS']).toContain(later.headers.get('x-cache'));

  const second = await livePost('第2報:雨が強まっている。');
  const holds = async (origin: string) => ((await (await fetch(`${origin}${poll}`)).json()) as LiveUpdate).posts.some((p) => p.id === second);
  await expect.poll(() => holds(base), { timeout: 20_000, intervals: [100] }).toBe(true);
  // Once through nginx, never an older copy after it.
  for (let i = 0; i < 10; i++) {
    const answer = await fetch(`${base}${poll}`);
    expect(answer.headers.get('x-cache'), `answer ${i + 1}`).not.toMatch(/STALE|UPDATING/);
    expect(((await answer.json()) as LiveUpdate).posts.map((p) => p.id), `answer ${i + 1}`).toContain(second);
    await new Promise((r) => setTimeout(r, 200));
  }
  // On every instance, asked directly (each reads the stream anew at most a second after its last read).
  for (const port of INSTANCE_PORTS) await expect.poll(() => holds(instance(port)), { timeout: 20_000, message: `the instance on ${port}` }).toBe(true);
  // Withdrawn, its polls are 404s through nginx too: no copy outlives its second.
  expect((await commandApi(session, id, 'unpublish', { baseRevision: published.body.article!.revision })).status).toBe(200);
  await expect.poll(async () => (await fetch(`${base}${poll}`)).status, { timeout: 20_000, intervals: [200] }).toBe(404);
});

test('an instance restarted after missing a correction never serves the old page', async () => {
  test.setTimeout(4 * 60_000);
  const port = INSTANCE_PORTS[2]!;
  const session = await signInApi(base);
  const draft = draftOf({ headline: `再起動前の見出し${Date.now()}` });
  const { id, revision } = await createDraftApi(session, draft);
  const published = await commandApi(session, id, 'publish', { baseRevision: revision });
  expect(published.status).toBe(200);
  const url = `${instance(port)}/articles/${id}`;
  await expect.poll(async () => (await fetch(url)).headers.get('x-nextjs-cache'), { timeout: 20_000 }).toBe('HIT');
  expect(await (await fetch(url)).text()).toContain(draft.headline);

  // Down, with its page cache on disk; the desk corrects the headline meanwhile.
  const pid = findListeningPid(port)!;
  process.kill(pid, 'SIGTERM');
  await expect.poll(() => findListeningPid(port), { timeout: 30_000 }).toBeNull();
  const corrected = `再起動後の見出し${Date.now()}`;
  expect((await commandApi(session, id, 'update', { draft: { ...draft, headline: corrected }, baseRevision: published.body.article!.revision })).status).toBe(200);

  // Back, from the same copy of the build and its cache, as `npm run cluster` started it.
  const restarted = spawn('npm', ['start'], {
    cwd: path.join(work, 'cluster', 'instance-3'),
    detached: true,
    stdio: 'ignore',
    env: { ...process.env, ...clusterEnv(), PORT: String(port), KIJI_TRUSTED_PROXY_HOPS: '1', KIJI_BENCH_PAGES: '0', KIJI_FRONT_CACHE_PURGE: `http://127.0.0.1:${PURGE_PORT}` },
  });
  restarted.unref();
  await expect.poll(async () => (await fetch(`${instance(port)}/api/health`).catch(() => null))?.status, { timeout: 2 * 60_000, intervals: [250] }).toBe(200);
  // Its very first answers already carry the correction: none is the page cached before it.
  for (let i = 0; i < 5; i++) {
    const html = await (await fetch(url)).text();
    expect(html, `answer ${i + 1} after the restart`).toContain(corrected);
    expect(html).not.toContain(draft.headline);
  }
});

test('an instance killed under readers costs none of them a request', async () => {
  const paths = ['/', '/sections/world', '/ranking', '/sections/business'];
  const failures: string[] = [];
  let answered = 0;
  let reading = true;
  const readers = Array.from({ length: 20 }, async (_, i) => {
    for (let n = 0; reading; n++) {
      // A query string of its own now and then, so some requests miss the cache and reach the instances.
      const url = `${paths[(i + n) % paths.length]}${n % 3 === 0 ? `?r=${i}-${n}` : ''}`;
      const response = await fetch(`${base}${url}`).catch((error: Error) => ({ status: 0, statusText: error.message, arrayBuffer: async () => undefined }));
      await response.arrayBuffer();
      if (response.status !== 200) failures.push(`${url}: ${response.status}`);
      answered += 1;
    }
  });
  await new Promise((r) => setTimeout(r, 1_000));
  const victim = findListeningPid(INSTANCE_PORTS[1]!);
  expect(victim).not.toBeNull();
  execFileSync('kill', ['-9', String(victim)]);
  await new Promise((r) => setTimeout(r, 4_000));
  reading = false;
  await Promise.all(readers);
  console.log(`killed one of three instances under 20 readers: ${answered} requests, ${failures.length} failed`);
  expect(answered).toBeGreaterThan(100);
  expect(failures.slice(0, 5)).toEqual([]);
});
