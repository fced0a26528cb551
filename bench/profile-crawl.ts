/**
 * Where a first render's server CPU goes: one production server on its own
 * copy of the build and a database with generated articles, run under
 * `node --cpu-prof`, crawls BENCH_PROFILE_PAGES never-rendered articles at
 * BENCH_PROFILE_CONNECTIONS at a time, then stops so Node writes the profile.
 * Prints the server's CPU milliseconds per page and where the profile is.
 * `npx tsx bench/profile-crawl.ts` (after `npm run build`).
 *
 * BENCH_PROFILE_MODE=readers profiles cached hits instead, as the newsroom
 * day's readers make them: an unprofiled server first renders every one of
 * the pages (so each is in the on-disk page cache), then the profiled one
 * serves BENCH_PROFILE_READS requests drawn by a Zipf law over them.
 *
 * BENCH_PROFILE_KIND=heap runs the server under `node --heap-prof` instead:
 * V8's sampling heap profiler, whose profile at exit holds only what is still
 * alive, each sample with the stack that allocated it. It answers "what does
 * a crawl leave behind, and who made it"; the server also prints
 * `process.memoryUsage()` before it stops (and after a full collection,
 * over BENCH_PROFILE_LINGER seconds of idling). `npx tsx bench/heap-profile.ts
 * <file>` sums a profile by allocating function.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../lib/db/connect';
import { zipfSampler } from './day-load';
import { scaleArticleIds, seedDataDir } from './scale';
import { cpuSeconds, prepareAppCopy, requireServerPid, startServer, stopServer } from './server';

const PAGES = Number(process.env.BENCH_PROFILE_PAGES || 400);
const CONNECTIONS = Number(process.env.BENCH_PROFILE_CONNECTIONS || 4);
/** Generated articles in the database (BENCH_PROFILE_ARTICLES); never fewer than the pages asked for, or the extra ids would be 404s. */
const ARTICLES = Math.max(Number(process.env.BENCH_PROFILE_ARTICLES || 1_000), PAGES);
const PORT = Number(process.env.BENCH_PROFILE_PORT || 3650);
const OUT = process.env.BENCH_PROFILE_DIR || path.join(os.tmpdir(), 'kiji-profile');
const PROFILE = process.env.BENCH_PROFILE !== '0';
const READERS = process.env.BENCH_PROFILE_MODE === 'readers';
const READS = Number(process.env.BENCH_PROFILE_READS || 10_000);
/** BENCH_PROFILE_SQL=1: the profiled server also times every SQLite statement by its text and prints the costliest when it stops. */
const SQL_TIMES = process.env.BENCH_PROFILE_SQL === '1';
const HEAP = process.env.BENCH_PROFILE_KIND === 'heap';
/** Each answer's time in milliseconds, of the last `crawl`. */
const latencies: number[] = [];
const SQL_TIMER = `
const Database = require(require.resolve('better-sqlite3', { paths: [process.cwd()] }));
const sqlTimes = new Map();
const prepare = Database.prototype.prepare;
let prepareMs = 0, prepares = 0;
Database.prototype.prepare = function (text) {
  const preparing = process.hrtime.bigint();
  const statement = prepare.call(this, text);
  prepareMs += Number(process.hrtime.bigint() - preparing) / 1e6; prepares += 1;
  for (const method of ['all', 'get', 'run', 'iterate']) {
    const original = statement[method];
    statement[method] = function (...args) {
      const started = process.hrtime.bigint();
      try { return original.apply(this, args); } finally {
        const entry = sqlTimes.get(text) ?? { ms: 0, n: 0 };
        entry.ms += Number(process.hrtime.bigint() - started) / 1e6; entry.n += 1; sqlTimes.set(text, entry);
      }
    };
  }
  return statement;
};
globalThis.reportSql = () => {
  let runMs = 0, runs = 0;
  for (const { ms, n } of sqlTimes.values()) { runMs += ms; runs += n; }
  console.log('SQLite: ' + runs + ' statements run in ' + runMs.toFixed(0) + ' ms; ' + prepares + ' prepared in ' + prepareMs.toFixed(0) + ' ms');
  for (const [text, { ms, n }] of [...sqlTimes].sort((a, b) => b[1].ms - a[1].ms).slice(0, 15))
    console.log(ms.toFixed(0).padStart(7) + ' ms ' + String(n).padStart(6) + 'x  ' + text.replace(/\\s+/g, ' ').slice(0, 300));
};
`;

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kiji-profile-'));
process.on('exit', () => fs.rmSync(work, { recursive: true, force: true }));
const app = prepareAppCopy(path.join(work, 'app'));
const dataDir = path.join(work, 'data');
seedDataDir(dataDir, ARTICLES, { cacheRoot: path.resolve('.bench-data') });
const conn = openDatabase({ dataDir });
const total = Number((await conn.db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
await conn.db.destroy();
const ids = scaleArticleIds(total - ARTICLES, 0, PAGES);

fs.mkdirSync(OUT, { recursive: true });
const origin = `http://127.0.0.1:${PORT}`;
const env = { KIJI_DATA_DIR: dataDir, SITE_URL: origin, NEXT_TELEMETRY_DISABLED: '1', KIJI_BENCH_PAGES: '0' };
// Node 20 refuses --cpu-prof in NODE_OPTIONS, and `next start` serves from a child
// process: under the profiler the server is Next.js's own request handler in one process.
if (READERS) {
  const filler = await startServer(env, PORT, { cwd: app });
  await crawl(ids.map((id) => `/articles/${id}`), 8);
  await stopServer(filler, 30_000);
}
const server = PROFILE ? await startProfiled(env) : await startServer(env, PORT, { cwd: app });

async function startProfiled(extra: Record<string, string>): Promise<ChildProcess> {
  const script = path.join(work, 'profiled-server.cjs');
  fs.writeFileSync(
    script,
    `const http = require('node:http');
${SQL_TIMES ? SQL_TIMER : ''}
const next = require(require.resolve('next', { paths: [process.cwd()] }));
const app = next({ dev: false, dir: process.cwd(), hostname: '127.0.0.1', port: ${PORT} });
const handle = app.getRequestHandler();
app.prepare().then(() => {
  const server = http.createServer((req, res) => handle(req, res));
  server.listen(${PORT}, '127.0.0.1');
  // The live heap after a full collection, on demand (BENCH_PROFILE_LINGER).
  process.on('SIGUSR2', () => {
    globalThis.gc?.();
    const m = process.memoryUsage();
    console.log('server memory after a collection (MB): heapUsed ' + Math.round(m.heapUsed / 1048576) + ', arrayBuffers ' + Math.round(m.arrayBuffers / 1048576) + ', rss ' + Math.round(m.rss / 1048576));
  });
  process.on('SIGTERM', () => {
    console.log('server memory at the end (MB): ' + JSON.stringify(Object.fromEntries(Object.entries(process.memoryUsage()).map(([k, v]) => [k, Math.round(v / 1048576)]))));
    server.close(() => { globalThis.reportSql?.(); process.exit(0); });
    server.closeAllConnections();
  });
});
`,
  );
  const profiler = HEAP ? ['--heap-prof', `--heap-prof-dir=${OUT}`] : ['--cpu-prof', `--cpu-prof-dir=${OUT}`];
  const child = spawn(process.execPath, ['--expose-gc', ...profiler, script], {
    cwd: app,
    env: { ...process.env, NODE_ENV: 'production', ...extra, PORT: String(PORT) },
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
  });
  for (let i = 0; i < 240; i++) {
    if (await fetch(`${origin}/`).then((r) => r.ok, () => false)) return child;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the profiled server did not answer within 120 s');
}
const pid = requireServerPid(PORT);
// Warm: the first requests load the route's modules.
for (const warm of ['/', '/sections/world']) await (await fetch(`${origin}${warm}`)).arrayBuffer();
const rank = zipfSampler(ids.length);
const paths = READERS ? Array.from({ length: READS }, () => `/articles/${ids[rank()]!}`) : ids.map((id) => `/articles/${id}`);
const cpuBefore = cpuSeconds(pid);
const started = performance.now();
const caches = await crawl(paths, CONNECTIONS);
const seconds = (performance.now() - started) / 1000;
const cpu = cpuSeconds(pid) - cpuBefore;
const sorted = latencies.toSorted((a, b) => a - b);
const percentile = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!.toFixed(0);
console.log(
  `${paths.length} ${READERS ? 'reads (Zipf)' : 'first renders'} at ${CONNECTIONS} at a time: ${(paths.length / seconds).toFixed(1)} pages/s, ` +
    `p50 ${percentile(50)} ms, p99 ${percentile(99)} ms, server CPU ${((cpu * 1000) / paths.length).toFixed(2)} ms a page; ${[...caches].map(([k, v]) => `${k}: ${v}`).join(', ')}`,
);
// BENCH_PROFILE_LINGER=S: the server idles S seconds after the crawl, its live heap printed at the start and every S/4 s.
// What a render leaves that is gone after a while was held by time (timers, TTLs); what stays is held for good.
const LINGER = Number(process.env.BENCH_PROFILE_LINGER || 0);
if (PROFILE && LINGER > 0) {
  for (let i = 0; i <= 4; i++) {
    process.kill(pid, 'SIGUSR2');
    if (i < 4) await new Promise((r) => setTimeout(r, (LINGER * 1000) / 4));
  }
  await new Promise((r) => setTimeout(r, 1000));
}
await stopServer(server, 30_000);

/** Fetches every path, `connections` at a time; counts the answers by status and `x-nextjs-cache`, and keeps each answer's time in `latencies`. */
async function crawl(paths: readonly string[], connections: number): Promise<Map<string, number>> {
  let next = 0;
  const caches = new Map<string, number>();
  latencies.length = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (next < paths.length) {
        // No compression unless BENCH_PROFILE_ENCODING names one (the newsroom day asks as a browser: gzip, deflate, br).
        const asked = performance.now();
        const response = await fetch(`${origin}${paths[next++]!}`, { headers: { 'accept-encoding': process.env.BENCH_PROFILE_ENCODING || 'identity' } });
        await response.arrayBuffer();
        latencies.push(performance.now() - asked);
        const cache = `${response.status} ${response.headers.get('x-nextjs-cache')}`;
        caches.set(cache, (caches.get(cache) ?? 0) + 1);
      }
    }),
  );
  return caches;
}
if (PROFILE) console.log(`profiles in ${OUT} (the largest is the server's)`);
