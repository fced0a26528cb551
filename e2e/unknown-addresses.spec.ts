import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startServer, stopServer } from '../bench/server';
import { deriveArticleId } from '../lib/content/ids';
import { publishedArticles, wireStory } from './demo';
import { commandApi, createDraftApi, draftOf, signInApi } from './newsroom-helpers';
import { E2E_PORT } from './env';

/**
 * Unknown addresses cost nothing lasting (ADR 0017): 2,000
 * distinct unknown URLs of ten kinds leave the server's caches on disk as
 * they were, each answered 404 with a 404's short CDN lifetime, while a known
 * page is still cached on disk. One 404 page on disk was ~60 KB, so 200 of
 * a kind show any growth; E2E_UNKNOWN_URLS asks for more (10,000 when it was
 * written, eight minutes of CI's half hour). Runs its own server
 * (E2E_LOAD_PORT, default the e2e port + 200) on a copy of the build and a
 * data folder of its own, so nothing else writes to the cache it measures.
 * It loads the machine on purpose, so it runs alone in the `load` project
 * (playwright.config.ts).
 */

const port = Number(process.env.E2E_LOAD_PORT || E2E_PORT + 200);
const base = `http://127.0.0.1:${port}`;
const UNKNOWN_URLS = Number(process.env.E2E_UNKNOWN_URLS || 2_000);
const CONCURRENCY = 20;
/**
 * A 404's Cache-Control says a minute to a CDN: on reader routes
 * CACHE_CONTROL.page (next.config.ts headers()), elsewhere the render's
 * revalidate capped at 60 s (lib/cache/page-lifetime.ts). e2e/cache-headers.spec.ts has the exact values.
 */
const isBriefForCdn = (cacheControl: string | null) => /(^|, )s-maxage=60(,|$)/.test(cacheControl ?? '') && !/private|no-store/.test(cacheControl ?? '');

const knownIds = new Set(publishedArticles.map((a) => a.id));
/** An id in the article id alphabet that no demo article has. */
function unknownArticleId(i: number): string {
  for (let salt = 0; ; salt++) {
    const id = deriveArticleId(`unknown-address-${i}-${salt}`);
    if (!knownIds.has(id)) return id;
  }
}

/** Ten kinds of unknown address, each distinct per `i`: unknown ids and slugs, page numbers past the end, extra segments. */
const UNKNOWN_KINDS: ReadonlyArray<(i: number) => string> = [
  (i) => `/articles/${unknownArticleId(i)}`,
  (i) => `/articles/${wireStory.id}/${i + 2}`,
  (i) => `/sections/${wireStory.section}/${100_000 + i}`,
  (i) => `/tags/no-such-tag-${i}`,
  (i) => `/topics/no-such-topic-${i}/2`,
  (i) => `/authors/no-such-author-${i}`,
  (i) => `/magazine/no-such-issue-${i}`,
  (i) => `/ranking/${i}`,
  (i) => `/publications/${i}`,
  (i) => `/no/such/page/${i}`,
];
const unknownUrl = (n: number) => UNKNOWN_KINDS[n % UNKNOWN_KINDS.length]!(Math.floor(n / UNKNOWN_KINDS.length));

/**
 * A folder to run the build from with caches of its own, as bench/server.ts
 * `prepareAppCopy` makes, but copying `.next` without the page cache too:
 * the suite's own server writes there meanwhile (an entry can vanish while
 * it is copied), and this server must start with no pages, as a deployment does.
 */
function copyBuild(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const root = process.cwd();
  for (const entry of fs.readdirSync(root)) {
    if (entry === '.next' || entry === '.git' || entry.startsWith('.bench') || entry.startsWith('.e2e-data')) continue;
    fs.symlinkSync(path.join(root, entry), path.join(dir, entry));
  }
  const skip = new Set([path.join(root, '.next', 'cache'), path.join(root, '.next', 'server', 'route-cache')]);
  fs.cpSync(path.join(root, '.next'), path.join(dir, '.next'), { recursive: true, verbatimSymlinks: true, filter: (source) => !skip.has(source) });
  return dir;
}

type Snapshot = Map<string, number>;

/** Every file under `.next` (the build, the page cache, the data cache) with its size in bytes. */
function snapshot(nextDir: string): Snapshot {
  const files: Snapshot = new Map();
  for (const entry of fs.readdirSync(nextDir, { recursive: true, withFileTypes: true }) as fs.Dirent[]) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    try {
      files.set(path.relative(nextDir, file), fs.statSync(file).size);
    } catch {
      // replaced between listing and stat (an atomic write): the next snapshot sees it
    }
  }
  return files;
}

const totalBytes = (s: Snapshot) => [...s.values()].reduce((a, b) => a + b, 0);
const sameSnapshot = (a: Snapshot, b: Snapshot) => a.size === b.size && [...a].every(([file, size]) => b.get(file) === size);

/** A snapshot once writes have stopped (two alike a second apart), so a write still in flight is not mistaken for growth or its absence. */
async function settledSnapshot(nextDir: string): Promise<Snapshot> {
  let previous = snapshot(nextDir);
  for (let attempt = 0; attempt < 60; attempt++) {
    await new Promise((r) => setTimeout(r, 1_000));
    const current = snapshot(nextDir);
    if (sameSnapshot(previous, current)) return current;
    previous = current;
  }
  return previous;
}

test('thousands of unknown addresses leave the cache on disk as it was, and each is a brief 404', async () => {
  test.setTimeout(30 * 60_000);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kiji-e2e-unknown-'));
  const app = copyBuild(path.join(work, 'app'));
  const nextDir = path.join(app, '.next');
  // As a site runs: the bench's reference pages off.
  const server = await startServer({ KIJI_DATA_DIR: path.join(work, 'data'), SITE_URL: base, KIJI_BENCH_PAGES: '0' }, port, { cwd: app });
  try {
    // A known page is cached on disk (otherwise "nothing grew" would prove nothing).
    const knownPage = `/articles/${wireStory.id}`;
    expect((await fetch(`${base}${knownPage}`)).status).toBe(200);
    const knownFile = (s: Snapshot) => [...s.keys()].find((file) => file.startsWith(`server${path.sep}route-cache${path.sep}`) && file.endsWith(`$${knownPage}.html`));
    await expect.poll(() => knownFile(snapshot(nextDir)), { timeout: 30_000, message: 'the known article in the page cache on disk' }).toBeTruthy();

    // No page or route of the bench's ships in a site (issue 14).
    expect((await fetch(`${base}/baseline`)).status).toBe(404);
    expect((await fetch(`${base}/api/bench/bare`, { method: 'POST' })).status).toBe(404);

    // A 404 is still cached: the second request for an address is a cache hit.
    const cacheOf = async (url: string) => (await fetch(`${base}${url}`)).headers.get('x-nextjs-cache');
    await expect.poll(() => cacheOf('/tags/no-such-tag-remembered'), { timeout: 30_000 }).toBe('HIT');

    // Everything each kind reads in common (page 1 of a section, the 404's lifetime mark) is cached once here.
    for (let n = 0; n < UNKNOWN_KINDS.length; n++) expect((await fetch(`${base}${unknownUrl(UNKNOWN_URLS + n)}`)).status).toBe(404);
    const before = await settledSnapshot(nextDir);

    const wrong: string[] = [];
    const latencies: number[] = [];
    let next = 0;
    const started = Date.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < UNKNOWN_URLS) {
          const url = unknownUrl(next++);
          const sent = performance.now();
          const response = await fetch(`${base}${url}`);
          await response.arrayBuffer();
          latencies.push(performance.now() - sent);
          const cacheControl = response.headers.get('cache-control');
          if (response.status !== 404 || !isBriefForCdn(cacheControl)) wrong.push(`${url}: ${response.status} ${cacheControl}`);
        }
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    const after = await settledSnapshot(nextDir);

    latencies.sort((a, b) => a - b);
    const at = (q: number) => Math.round(latencies[Math.floor(q * (latencies.length - 1))]!);
    const grown = totalBytes(after) - totalBytes(before);
    const summary = `${UNKNOWN_URLS} unknown URLs in ${seconds.toFixed(0)} s at ${CONCURRENCY} connections (p50 ${at(0.5)} ms, p95 ${at(0.95)} ms); .next: ${before.size} → ${after.size} files, ${totalBytes(before)} → ${totalBytes(after)} bytes`;
    console.log(summary);
    test.info().annotations.push({ type: 'unknown addresses', description: summary });

    expect(wrong.slice(0, 5), `${wrong.length} of ${UNKNOWN_URLS} not a brief 404`).toEqual([]);
    const added = [...after.keys()].filter((file) => !before.has(file));
    const gone = [...before.keys()].filter((file) => !after.has(file));
    expect(added.slice(0, 10), `${added.length} files added to .next`).toEqual([]);
    expect(gone.slice(0, 10), `${gone.length} files gone from .next`).toEqual([]);
    // Entries that were there may be rewritten when their lifetime runs out
    // (the same data, the same size); one 404 page alone would be ~60 KB.
    expect(Math.abs(grown), 'bytes .next grew by').toBeLessThan(16 * 1024);
    expect(knownFile(after), 'the known article still in the page cache on disk').toBeTruthy();

    // An address that was a 404 a moment ago shows the story once the newsroom
    // publishes it. Last: publishing re-renders the pages the story is on.
    const session = await signInApi(base);
    const { id, revision } = await createDraftApi(session, draftOf({ headline: `さっきまで404だった記事${Date.now()}` }));
    expect((await fetch(`${base}/articles/${id}`)).status).toBe(404);
    await expect.poll(() => cacheOf(`/articles/${id}`), { timeout: 30_000 }).toBe('HIT');
    expect((await commandApi(session, id, 'publish', { baseRevision: revision })).status).toBe(200);
    await expect.poll(async () => (await fetch(`${base}/articles/${id}`)).status, { timeout: 30_000 }).toBe(200);
  } finally {
    await stopServer(server);
    fs.rmSync(work, { recursive: true, force: true });
  }
});
