/**
 * What a cached hit costs, pages held as bytes against Next.js's own memory
 * cache (docs/adr/0030-pages-held-as-bytes.md): two production servers on
 * their own copies of the build and of one database with generated
 * articles, every article rendered once on each, then readers drawn by a
 * Zipf law over all of them, as a phone asks (`accept-encoding: gzip,
 * deflate, br`) and without compression (what the newsroom day's autocannon
 * sends), the two servers in turn, twice. The server with
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
const servers: Server[] = [];
for (const [i, [label, memoryMb]] of ([['held as bytes', '256'], ['Next.js memory cache', '0']] as const).entries()) {
  const dataDir = path.join(work, `data-${i}`);
  fs.cpSync(seeded.dataDir, dataDir, { recursive: true });
  const port = 3660 + i;
  const origin = `http://127.0.0.1:${port}`;
  const child = await startServer({ KIJI_DATA_DIR: dataDir, SITE_URL: origin, NEXT_TELEMETRY_DISABLED: '1', KIJI_BENCH_PAGES: '0', KIJI_PAGE_MEMORY_MB: memoryMb }, port, {
    cwd: prepareAppCopy(path.join(work, `app-${i}`)),
  });
  servers.push({ label, origin, pid: requireServerPid(port), stop: () => stopServer(child, 30_000) });
}

try {
  for (const server of servers) {
    let next = 0;
    await runLoad(new Phase('fill', 8), { origin: server.origin, next: () => ({ path: paths[next++ % paths.length]!, kind: 'article' }), amount: paths.length, timeoutSeconds: 120 });
  }
  const results: { server: string; encoding: string; result: PhaseResult }[] = [];
  for (let round = 0; round < 2; round++) {
    for (const [encoding, headers] of [['gzip', BROWSER_HEADERS], ['none', undefined]] as const) {
      for (const server of round === 0 ? servers : [...servers].reverse()) {
        const rank = zipfSampler(paths.length);
        const phase = await runLoad(new Phase(`${server.label} ${encoding}`, CONNECTIONS), {
          origin: server.origin,
          next: () => ({ path: paths[rank()]!, kind: 'article' }),
          seconds: SECONDS,
          serverPid: server.pid,
          headers,
        });
        results.push({ server: server.label, encoding, result: phase.result() });
      }
    }
  }
  console.log(`| server | encoding | pages/s (two runs) | server CPU ms a page | p50 ms | p99 ms | HIT share | errors | RSS MB |`);
  console.log(`| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`);
  for (const server of servers) {
    for (const encoding of ['gzip', 'none']) {
      const runs = results.filter((r) => r.server === server.label && r.encoding === encoding).map((r) => r.result);
      const hits = runs.reduce((n, r) => n + (r.cache.HIT ?? 0), 0) / runs.reduce((n, r) => n + r.requests, 0);
      const errors = runs.reduce((n, r) => n + r.errors.non2xx + r.errors.timeouts + r.errors.connection, 0);
      console.log(
        `| ${server.label} | ${encoding} | ${runs.map((r) => r.rps.toFixed(0)).join(', ')} | ${runs.map((r) => r.serverCpuMsPerRequest?.toFixed(2)).join(', ')} | ${runs.map((r) => r.p50).join(', ')} | ${runs.map((r) => r.p99).join(', ')} | ${(hits * 100).toFixed(1)} % | ${errors} | ${readRssMb(server.pid).toFixed(0)} |`,
      );
    }
  }
} finally {
  for (const server of servers) await server.stop();
}
