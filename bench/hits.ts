/**
 * What a cached hit costs, pages held as bytes (packed to their gzip form)
 * against Next.js's own memory cache (docs/adr/0030-pages-held-as-bytes.md),
 * and against a static file of an article's size served by the same
 * server (issue 12's ceiling): two production servers on
 * their own copies of the build and of one database with generated
 * articles, every article rendered once on each, then readers drawn by a
 * Zipf law over all of them, as a phone asks (`accept-encoding: gzip,
 * deflate, br`) and without compression (curl, some bots), the two servers
 * in turn, twice, and the static file on the first of them. The server with
 * `KIJI_PAGE_MEMORY_MB=0` is Next.js's cache as it was: HTML held as strings
 * in its 50 MB LRU, read from disk past that, compressed per request.
 *
 * `npx tsx bench/hits.ts` (after `npm run build`). BENCH_HITS_ARTICLES
 * (2,000), BENCH_HITS_SECONDS (15 per part), BENCH_HITS_CONNECTIONS (50).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../lib/db/connect';
import { BROWSER_HEADERS, Phase, runLoad, zipfSampler, type PhaseResult } from './day-load';
import { scaleArticleIds, seedDataDir } from './scale';
import { prepareAppCopy, readRssMb, requireServerPid, startServer, stopServer } from './server';

const ARTICLES = Number(process.env.BENCH_HITS_ARTICLES || 2_000);
const SECONDS = Number(process.env.BENCH_HITS_SECONDS || 15);
const CONNECTIONS = Number(process.env.BENCH_HITS_CONNECTIONS || 50);

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kiji-hits-'));
process.on('exit', () => fs.rmSync(work, { recursive: true, force: true }));
const seeded = seedDataDir(path.join(work, 'seed'), ARTICLES, { cacheRoot: path.resolve('.bench-data') });
const conn = openDatabase({ dataDir: seeded.dataDir });
const total = Number((await conn.db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
await conn.db.destroy();
const paths = scaleArticleIds(total - ARTICLES, 0, ARTICLES).map((id) => `/articles/${id}`);

type Server = { label: string; origin: string; pid: number; stop: () => Promise<void> };
const CONFIGS = [
  ['held as bytes, packed', '256'],
  ['Next.js memory cache', '0'],
] as const;
const appCopies = CONFIGS.map((_, i) => prepareAppCopy(path.join(work, `app-${i}`)));
CONFIGS.forEach((_, i) => fs.cpSync(seeded.dataDir, path.join(work, `data-${i}`), { recursive: true }));

async function startAll(): Promise<Server[]> {
  const started: Server[] = [];
  for (const [i, [label, memoryMb]] of CONFIGS.entries()) {
    const port = 3660 + i;
    const origin = `http://127.0.0.1:${port}`;
    const env = { KIJI_DATA_DIR: path.join(work, `data-${i}`), SITE_URL: origin, NEXT_TELEMETRY_DISABLED: '1', KIJI_BENCH_PAGES: '0', KIJI_PAGE_MEMORY_MB: memoryMb };
    const child = await startServer(env, port, { cwd: appCopies[i] });
    started.push({ label, origin, pid: requireServerPid(port), stop: () => stopServer(child, 30_000) });
  }
  return started;
}

/** Every article requested once on each server: rendered the first time, read back from disk (and held) after a restart. */
async function fill(servers: Server[]): Promise<void> {
  for (const server of servers) {
    let next = 0;
    await runLoad(new Phase('fill', 8), { origin: server.origin, next: () => ({ path: paths[next++ % paths.length]!, kind: 'article' }), amount: paths.length, timeoutSeconds: 120 });
  }
}

// The ceiling: one of these article pages as a file in public/, which Next.js lists when it starts, so the servers start twice.
const STATIC_DIR = path.resolve('public/bench-static');
const STATIC_PATH = '/bench-static/hits-article.html';
let servers = await startAll();
try {
  await fill(servers);
  const page = Buffer.from(await (await fetch(servers[0]!.origin + paths[0])).arrayBuffer());
  for (const server of servers) await server.stop();
  fs.mkdirSync(STATIC_DIR, { recursive: true });
  fs.writeFileSync(path.join(process.cwd(), 'public', STATIC_PATH), page);
  servers = await startAll();
  await fill(servers);

  const results: { server: string; target: string; encoding: string; result: PhaseResult }[] = [];
  for (let round = 0; round < 2; round++) {
    for (const [encoding, headers] of [['gzip', BROWSER_HEADERS], ['none', undefined]] as const) {
      for (const server of round === 0 ? servers : [...servers].reverse()) {
        for (const target of ['articles', 'static file'] as const) {
          // The static file once per round, on the first server (both serve it alike).
          if (target === 'static file' && server !== servers[0]) continue;
          const rank = zipfSampler(paths.length);
          const phase = await runLoad(new Phase(`${server.label} ${target} ${encoding}`, CONNECTIONS), {
            origin: server.origin,
            next: () => ({ path: target === 'articles' ? paths[rank()]! : STATIC_PATH, kind: 'article' }),
            seconds: SECONDS,
            serverPid: server.pid,
            headers,
          });
          results.push({ server: server.label, target, encoding, result: phase.result() });
        }
      }
    }
  }
  const runsOf = (server: string, target: string, encoding: string) =>
    results.filter((r) => r.server === server && r.target === target && r.encoding === encoding).map((r) => r.result);
  const mean = (runs: PhaseResult[]) => runs.reduce((n, r) => n + r.rps, 0) / runs.length;
  console.log(`Static file: ${STATIC_PATH}, ${page.length.toLocaleString('en')} bytes (an article page of this run).`);
  console.log(`| server | pages | encoding | pages/s (two runs) | ÷ static file | server CPU ms a page | p50 ms | p99 ms | HIT share | errors | RSS MB |`);
  console.log(`| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`);
  for (const encoding of ['gzip', 'none']) {
    const ceiling = mean(runsOf(servers[0]!.label, 'static file', encoding));
    for (const server of servers) {
      for (const target of ['articles', 'static file']) {
        const runs = runsOf(server.label, target, encoding);
        if (runs.length === 0) continue;
        const hits = runs.reduce((n, r) => n + (r.cache.HIT ?? 0), 0) / runs.reduce((n, r) => n + r.requests, 0);
        const errors = runs.reduce((n, r) => n + r.errors.non2xx + r.errors.timeouts + r.errors.connection, 0);
        console.log(
          `| ${server.label} | ${target === 'articles' ? `${paths.length.toLocaleString('en')} articles, Zipf` : 'static file'} | ${encoding} | ${runs.map((r) => r.rps.toFixed(0)).join(', ')} | ${(mean(runs) / ceiling).toFixed(2)} | ${runs.map((r) => r.serverCpuMsPerRequest?.toFixed(2)).join(', ')} | ${runs.map((r) => r.p50).join(', ')} | ${runs.map((r) => r.p99).join(', ')} | ${target === 'articles' ? `${(hits * 100).toFixed(1)} %` : '—'} | ${errors} | ${readRssMb(server.pid).toFixed(0)} |`,
        );
      }
    }
  }
} finally {
  for (const server of servers) await server.stop();
  fs.rmSync(path.join(process.cwd(), 'public', STATIC_PATH), { force: true });
  if (fs.existsSync(STATIC_DIR) && fs.readdirSync(STATIC_DIR).length === 0) fs.rmdirSync(STATIC_DIR);
}
