// `npm run bench`: throughput, Lighthouse, scale, memory and client-JS
// figures against the production build, all in one run so they can be
// compared as ratios (the machine is shared and noisy; absolute numbers are
// not portable). Writes docs/benchmarks.md.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { deriveArticleId } from '../lib/content/ids';
import { openDatabase } from '../lib/db/connect';
import { connectRedis } from '../lib/rankings/redis-store';
import { demoArticles } from '../lib/seed/demo/articles';
import { loadBeacon, type BeaconResult } from './beacon';
import { measureClientJs } from './client-js';
import { measureLighthouse, type LighthouseRow } from './lighthouse';
import { measureMemory, type MemoryResult } from './memory';
import { measureRankingRead } from './rankings';
import { measureScale, scaleArticleIds, seedDataDir, type ScaleRow, type SeededData } from './scale';
import { clusterOptionsFromEnv, formatCluster, measureCluster, type ClusterResult } from './cluster';
import { dayOptionsFromEnv, formatNewsroomDay, measureNewsroomDay, saveNewsroomDay, type DayResult } from './newsroom-day';
import { formatLive, liveOptionsFromEnv, measureLive, saveLive, type LiveResult } from './live';
import { keptSections, replaceSection } from './sections';
import { findListeningPid, prepareAppCopy, requireServerPid, startServer, stopServer, waitForIdle } from './server';

const benchStarted = performance.now();
const PORT = Number(process.env.BENCH_PORT ?? 3200);
const SCALE_PORT = PORT + 1;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const SCALE_ORIGIN = `http://127.0.0.1:${SCALE_PORT}`;
const DURATION = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = [50, 200];
const STATIC_DIR = path.resolve('public/bench-static');
/** The main server's data: the demo plus this many generated articles (the "1,000-article" baseline of the scale section). */
const BASELINE_ARTICLES = 1_000;
const SCALE_ARTICLES = Number(process.env.BENCH_SCALE_ARTICLES ?? 100_000);
const SCALE_SAMPLES = Number(process.env.BENCH_SCALE_SAMPLES ?? 9);
const MEMORY_REQUESTS = Number(process.env.BENCH_MEMORY_REQUESTS ?? 100_000);
// Long enough for the server's caches to reach their bounds: in a run of this
// mix in blocks of 20,000 (2026-11-26), RSS rose 246 → 634 → 774 MB over the
// first two blocks and then moved between 730 and 850 MB.
const MEMORY_WARMUP = Math.min(40_000, Math.round(MEMORY_REQUESTS * 0.4));
const LIGHTHOUSE_RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);
/** Seeded databases kept between runs (seeding 100,000 articles takes minutes). */
const SEED_CACHE = path.resolve('.bench-data');

type Result = {
  name: string;
  path: string;
  connections: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  /** x-nextjs-cache values the measured responses carried, with counts (uncached rows only). */
  cache?: string;
  /** How long the row ran, when not the fixed duration (uncached rows). */
  seconds?: number;
};

async function load(name: string, urlPath: string, connections: number, duration: number): Promise<Result> {
  const r = await autocannon({ url: ORIGIN + urlPath, connections, duration, pipelining: 1 });
  const errors = r.errors + r.timeouts + r.non2xx;
  return { name, path: urlPath, connections, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors };
}

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? Number.NaN;

type UncachedContext = { id: string; sent: number };

/**
 * Article renders under load: each connection, in a loop, expires one article
 * (`POST /api/revalidate` with its `article:{id}` tag, which the page and its
 * data cache both carry) and then requests it, so every measured GET waits
 * for a full render (data read, related reading, RSC, HTML, cache write).
 * Articles are taken in turn from `ids`, far more of them than connections,
 * so no other connection requests the same article in between. Only the GETs
 * are counted and timed (from the moment the request is written); the
 * x-nextjs-cache header of each is tallied to show none was a cache hit.
 *
 * The server renders all connections' pages at once, interleaved, so the
 * first answers come only after about `connections` renders' time (seconds
 * at 200). Throughput is therefore counted in steady state only: from the
 * moment as many renders as there are connections have completed, until the
 * run has had `seconds` of that and at least `connections` renders in it.
 */
async function loadUncached(name: string, ids: string[], connections: number, seconds: number): Promise<Result> {
  if (ids.length < connections * 2) throw new Error('too few articles for the uncached row');
  let next = 0;
  const done: { at: number; ms: number }[] = [];
  const caches = new Map<string, number>();
  const started = performance.now();
  let stoppedAt: number | null = null;
  let instance: autocannon.Instance | undefined;
  // Steady state: from the completion that makes as many renders as connections.
  const steadyFrom = () => done[connections - 1]?.at ?? Number.POSITIVE_INFINITY;
  const r = await new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon(
      {
        url: ORIGIN,
        connections,
        // An upper bound: the run stops once it has `seconds` of steady state and enough renders in it.
        duration: seconds * 15,
        // At 200 connections a render waits behind ~199 others: more than autocannon's default 10 s on a busy machine.
        timeout: 120,
        requests: [
          {
            method: 'POST',
            path: '/api/revalidate',
            setupRequest: (request, context) => {
              const id = ids[next++ % ids.length]!;
              (context as UncachedContext).id = id;
              return {
                ...request,
                headers: { ...request.headers, authorization: `Bearer ${REVALIDATE_SECRET}`, 'content-type': 'application/json' },
                body: JSON.stringify({ tags: [`article:${id}`] }),
              };
            },
          },
          {
            method: 'GET',
            // autocannon builds a request right before writing it, so this is when it is sent.
            setupRequest: (request, context) => {
              const state = context as UncachedContext;
              state.sent = performance.now();
              return { ...request, path: `/articles/${state.id}` };
            },
            onResponse: (status, _body, context, headers) => {
              if (status !== 200 || stoppedAt !== null) return;
              const at = performance.now();
              done.push({ at, ms: at - (context as UncachedContext).sent });
              const header = headers?.['x-nextjs-cache'];
              const cache = (Array.isArray(header) ? header.join(',') : header) ?? 'none';
              caches.set(cache, (caches.get(cache) ?? 0) + 1);
              const from = steadyFrom();
              if (at - from >= seconds * 1000 && done.filter((d) => d.at > from).length >= connections) {
                stoppedAt = at;
                instance?.stop();
              }
            },
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
  const end = stoppedAt ?? Math.min(performance.now(), started + seconds * 15 * 1000);
  const from = steadyFrom();
  const steady = done.filter((d) => d.at > from && d.at <= end);
  if (steady.length < connections) console.warn(`  ${name} c=${connections}: only ${steady.length} renders in steady state`);
  const errors = r.errors + r.timeouts + r.non2xx;
  if ((caches.get('HIT') ?? 0) > 0) console.warn(`  ${name}: ${caches.get('HIT')} of ${done.length} renders were cache hits`);
  const latencies = steady.map((d) => d.ms);
  return {
    name,
    path: '/articles/{id} after POST /api/revalidate',
    connections,
    rps: steady.length > 0 ? steady.length / ((end - from) / 1000) : 0,
    p50: Math.round(percentile(latencies, 0.5)),
    p99: Math.round(percentile(latencies, 0.99)),
    errors,
    cache: [...caches].map(([k, v]) => `${k} ${v}`).join(', '),
    seconds: (end - started) / 1000,
  };
}

const article = demoArticles.find((a) => !a.status && !a.body.includes('::pagebreak') && a.wire);
if (!article) throw new Error('no demo article to measure');
const articlePath = `/articles/${deriveArticleId(article.key)}`;

if (!process.env.BENCH_SKIP_BUILD) execSync('npm run build', { stdio: 'inherit' });
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiji-bench-'));
const dataDir = path.join(workDir, 'data-1k');
// Copies of the build and databases: gone when the run ends, however it ends.
process.on('exit', () => fs.rmSync(workDir, { recursive: true, force: true }));
const REVALIDATE_SECRET = randomBytes(24).toString('hex');
// One proxy hop: the beacon rows name each reader in X-Forwarded-For (bench/beacon.ts), as nginx would.
const env = { KIJI_DATA_DIR: dataDir, SITE_URL: ORIGIN, NEXT_TELEMETRY_DISABLED: '1', KIJI_REVALIDATE_SECRET: REVALIDATE_SECRET, KIJI_TRUSTED_PROXY_HOPS: '1' };
// Each server runs its own copy of the build, so its Next.js caches start empty and hold only its own data.
const mainApp = prepareAppCopy(path.join(workDir, 'app-main'));
const scaleApp = prepareAppCopy(path.join(workDir, 'app-scale'));
const baselineSeed = seedDataDir(dataDir, BASELINE_ARTICLES);
const scaleSeed: SeededData = seedDataDir(path.join(workDir, 'data-scale'), SCALE_ARTICLES, { cacheRoot: SEED_CACHE });
console.log(`seeded ${BASELINE_ARTICLES} articles in ${baselineSeed.seconds?.toFixed(1)} s; ${SCALE_ARTICLES} in ${scaleSeed.seconds?.toFixed(0)} s${scaleSeed.cachedFrom ? ` (copied from ${scaleSeed.cachedFrom})` : ''}`);
const demoCount = await (async () => {
  const conn = openDatabase({ dataDir });
  try {
    const row = await conn.db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n) - BASELINE_ARTICLES;
  } finally {
    await conn.db.destroy();
  }
})();
/** Generated articles the uncached rows and the memory run render again and again. */
const renderPool = scaleArticleIds(demoCount, 0, 800);
/** Generated articles no server renders before the scale section does (the same articles in both databases). */
const firstRenderIds = scaleArticleIds(demoCount, 900, 1000);
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const publicIds = demoArticles.filter((a) => !a.status).map((a) => deriveArticleId(a.key));
const BEACON_ROUTE = '/api/views';
const BARE_ROUTE = '/baseline/beacon';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Milliseconds a page takes to render after the ticker's tag is expired (what every flag costs each page once). */
/** Median time to the first response of `urlPath` right after its cached copy was expired through `tags`. */
async function timeRenderAfterInvalidation(urlPath: string, tags: string[], runs = 7): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = await fetch(`${ORIGIN}/api/revalidate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${REVALIDATE_SECRET}`, 'content-type': 'application/json' },
      body: JSON.stringify({ tags }),
    });
    if (!r.ok) throw new Error(`revalidate answered ${r.status}`);
    const t = performance.now();
    const page = await fetch(ORIGIN + urlPath);
    await page.text();
    times.push(performance.now() - t);
    if (page.headers.get('x-nextjs-cache') === 'HIT') throw new Error(`${urlPath} was still cached after invalidating ${tags.join(', ')}`);
  }
  return median(times);
}

/** Views counted in the SQLite database of the running bench server. */
async function countSqliteViews(): Promise<number> {
  const conn = openDatabase({ dataDir });
  try {
    const row = await sql<{ n: number | null }>`select sum(views) as n from article_views`.execute(conn.db);
    return Number(row.rows[0]?.n ?? 0);
  } finally {
    await conn.db.destroy();
  }
}

/** Views counted under a Redis key prefix. */
async function countRedisViews(prefix: string): Promise<number> {
  const redis = await connectRedis(REDIS_URL);
  try {
    let total = 0;
    for (const key of await redis.keys(`${prefix}views:*`)) {
      const flat = await redis.zrange(key, '0', '-1', 'WITHSCORES');
      for (let i = 1; i < flat.length; i += 2) total += Number(flat[i]);
    }
    return total;
  } finally {
    redis.disconnect();
  }
}

/** The run with the median throughput. */
const medianRow = (rows: BeaconResult[]) => [...rows].sort((a, b) => a.rps - b.rps)[Math.floor(rows.length / 2)]!;

/**
 * Alternates the bare handler and the beacon three times each (the machine
 * is shared and noisy; alternating puts both under the same noise), takes
 * the median of each, and checks that every accepted beacon was counted.
 */
async function beaconRows(backend: string, count: () => Promise<number>) {
  const serverPid = findListeningPid(PORT);
  await loadBeacon(ORIGIN, BEACON_ROUTE, 'warm-up', publicIds, 3, { connections: 10 });
  await new Promise((r) => setTimeout(r, 3000)); // the warm-up's last batch
  const before = await count();
  const bares: BeaconResult[] = [];
  const beacons: BeaconResult[] = [];
  for (let round = 0; round < 3; round++) {
    bares.push(await loadBeacon(ORIGIN, BARE_ROUTE, `bare route handler (ceiling, ${backend} run)`, publicIds, DURATION, { serverPid }));
    beacons.push(await loadBeacon(ORIGIN, BEACON_ROUTE, `view beacon, ${backend}`, publicIds, DURATION, { serverPid }));
  }
  await new Promise((r) => setTimeout(r, 3000)); // one flush interval and margin
  const counted = (await count()) - before;
  const accepted = beacons.reduce((n, b) => n + b.accepted, 0);
  const bare = medianRow(bares);
  const beacon = medianRow(beacons);
  const cpu = (rows: BeaconResult[]) => median(rows.map((r) => r.serverCpuMicros ?? Number.NaN));
  const cpuRatio = cpu(bares) / cpu(beacons);
  for (const row of [...bares, ...beacons]) {
    console.log(`${row.name.padEnd(40)} ${row.rps.toFixed(0)} req/s p50=${row.p50} ms p99=${row.p99} ms errors=${row.errors} server CPU ${row.serverCpuMicros?.toFixed(0)} µs/req`);
  }
  console.log(`  counted ${counted} of ${accepted} accepted views`);
  return { bare, beacon, counted, accepted, bareCpu: cpu(bares), beaconCpu: cpu(beacons), cpuRatio };
}


const mainOptions = { cwd: mainApp };

// First start: take the article's exact HTML for the static ceiling.
let server = await startServer(env, PORT, mainOptions);
let html: string;
try {
  html = await (await fetch(ORIGIN + articlePath)).text();
} finally {
  await stopServer(server);
}
fs.mkdirSync(STATIC_DIR, { recursive: true });
fs.writeFileSync(path.join(STATIC_DIR, 'article.html'), html);
await new Promise((r) => setTimeout(r, 1000));

// Second start: Next.js lists public files when it boots, so the copy is served.
server = await startServer(env, PORT, mainOptions);
const results: Result[] = [];
const js: { route: string; path: string; scripts: number; gzipBytes: number }[] = [];
let renderMs = { home: 0, article: 0 };
let sqliteBeacon: Awaited<ReturnType<typeof beaconRows>>;
let lighthouseRows: LighthouseRow[] = [];
let scaleRows: ScaleRow[] = [];
let scaleMonth = '';
let scaleUrls: Record<string, number> = {};
let memory: MemoryResult;
const UNCACHED = 'article (uncached render)';
const sectionPath = '/sections/world';
try {
  const pages = [
    ['static file (ceiling)', '/bench-static/article.html'],
    ['article (cached)', articlePath],
    ['home (cached)', '/'],
    ['section (cached)', sectionPath],
  ] as const;
  // Findability (issue 6): search renders per request; sitemaps and feeds are built per request from tagged caches.
  const findability = [
    ['search (per request)', `/search?q=${encodeURIComponent('関税')}`],
    ['sitemap index', '/sitemap.xml'],
    ['news sitemap', '/sitemaps/news.xml'],
    ['RSS feed', '/feed.xml'],
  ] as const;
  const mainPid = requireServerPid(PORT);
  for (const [, p] of [...pages, ...findability]) await load('warm-up', p, 10, 3);
  await loadUncached('warm-up', renderPool, 10, 3);
  // Each row starts on an idle server: what the previous row left in flight is answered first.
  const record = async (run: () => Promise<Result>) => {
    await waitForIdle(mainPid);
    const result = await run();
    console.log(
      `${result.name.padEnd(26)} c=${result.connections} ${result.rps.toFixed(0)} req/s p50=${result.p50} ms p99=${result.p99} ms errors=${result.errors}${result.cache ? ` (${result.cache}; ${result.seconds?.toFixed(0)} s)` : ''}`,
    );
    results.push(result);
  };
  for (const connections of CONNECTIONS) {
    for (const [name, p] of pages) await record(() => load(name, p, connections, DURATION));
    await record(() => loadUncached(UNCACHED, renderPool, connections, DURATION));
  }
  for (const [name, p] of findability) await record(() => load(name, p, CONNECTIONS[0]!, DURATION));
  await waitForIdle(mainPid);
  renderMs = {
    home: await timeRenderAfterInvalidation('/', ['breaking']),
    article: await timeRenderAfterInvalidation(articlePath, [`article:${articlePath.split('/').pop()}`]),
  };
  console.log(`render after an invalidation: home ${renderMs.home.toFixed(0)} ms, article ${renderMs.article.toFixed(0)} ms`);

  await waitForIdle(mainPid);
  lighthouseRows = await measureLighthouse(
    ORIGIN,
    [
      ['home', '/'],
      ['article with a hero image', articlePath],
      ['section', sectionPath],
      ['ranking', '/ranking'],
    ],
    LIGHTHOUSE_RUNS,
  );
  for (const row of lighthouseRows) {
    console.log(`lighthouse ${row.name.padEnd(26)} ${JSON.stringify(row.scores)} LCP ${row.lcpMs.toFixed(0)} ms TBT ${row.tbtMs.toFixed(0)} ms CLS ${row.cls.toFixed(3)} (perf runs ${row.performanceRuns.join(', ')}) ${row.failing.join(', ')}`);
  }

  // Scale: a second server on the 100,000-article database, both up at once and measured alternately.
  const scaleServer = await startServer({ ...env, KIJI_DATA_DIR: scaleSeed.dataDir, SITE_URL: SCALE_ORIGIN }, SCALE_PORT, { cwd: scaleApp });
  try {
    ({ rows: scaleRows, month: scaleMonth, urls: scaleUrls } = await measureScale(
      [
        { label: '1k', origin: ORIGIN, pid: requireServerPid(PORT), revalidateSecret: REVALIDATE_SECRET },
        { label: '100k', origin: SCALE_ORIGIN, pid: requireServerPid(SCALE_PORT), revalidateSecret: REVALIDATE_SECRET },
      ],
      { firstRenderIds, sectionPath, samples: SCALE_SAMPLES },
    ));
  } finally {
    await stopServer(scaleServer);
  }

  await waitForIdle(mainPid);
  memory = await measureMemory(ORIGIN, mainPid, {
    articlePaths: publicIds.map((id) => `/articles/${id}`),
    sectionPaths: ['/sections/world', '/sections/business', '/sections/japan', '/sections/technology'],
    uncachedIds: renderPool,
    revalidateSecret: REVALIDATE_SECRET,
  }, { amount: MEMORY_REQUESTS, warmup: MEMORY_WARMUP });
  console.log(
    `memory: RSS ${memory.rssBeforeMb.toFixed(0)} MB before, ${memory.rssAfterMb.toFixed(0)} MB after ${memory.requests} requests (${memory.seconds.toFixed(0)} s, ${memory.errors} errors), ${memory.rssSettledMb.toFixed(0)} MB settled, peak ${memory.rssPeakMb.toFixed(0)} MB; by block: ${memory.rssByBlockMb.map((mb) => mb.toFixed(0)).join(', ')}`,
  );

  sqliteBeacon = await beaconRows('SQLite', countSqliteViews);
  for (const [route, p] of [
    ['empty page (baseline)', '/baseline'],
    ['article', articlePath],
    ['home', '/'],
    ['section', sectionPath],
  ] as const) {
    js.push({ route, path: p, ...(await measureClientJs(ORIGIN, p)) });
  }
} finally {
  await stopServer(server);
  fs.rmSync(STATIC_DIR, { recursive: true, force: true });
}
await new Promise((r) => setTimeout(r, 1000));

// Third start: the same site with page views in Redis, under a prefix of this run's own.
const redisPrefix = `kiji-bench:${process.pid}:${randomBytes(4).toString('hex')}:`;
server = await startServer({ ...env, REDIS_URL, KIJI_REDIS_PREFIX: redisPrefix }, PORT, mainOptions);
let redisBeacon: Awaited<ReturnType<typeof beaconRows>>;
try {
  redisBeacon = await beaconRows('Redis', () => countRedisViews(redisPrefix));
} finally {
  await stopServer(server);
  await new Promise((r) => setTimeout(r, 1000));
  fs.rmSync(workDir, { recursive: true, force: true });
  const redis = await connectRedis(REDIS_URL);
  const keys = await redis.keys(`${redisPrefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
}

const rankingRead = await measureRankingRead();
for (const r of rankingRead) {
  console.log(`rankings on ${r.backend}: job ${r.computeMs.toFixed(1)} ms, page read ${r.readMs.toFixed(2)} ms (${r.rows} hourly rows)`);
  console.log(`counting layer on ${r.backend}: ${r.ingest.viewsPerSecond.toFixed(0)} views/s, ${r.ingest.cpuMicrosPerView.toFixed(1)} µs CPU/view, counted ${r.ingest.counted}/${r.ingest.views}`);
}

// The newsroom day (bench/newsroom-day.ts): its own server, data and ports (BENCH_DAY_PORT), after everything above has stopped.
const day: DayResult | null = process.env.BENCH_SKIP_DAY ? null : await measureNewsroomDay(dayOptionsFromEnv());
if (day) console.log(`newsroom day figures saved in ${saveNewsroomDay(day)}`);
// Live coverage (bench/live.ts): 2,000 readers polling a live page while an editor posts, against an ordinary article; its own server and port (BENCH_LIVE_PORT).
const live: LiveResult | null = process.env.BENCH_SKIP_LIVE ? null : await measureLive(liveOptionsFromEnv());
if (live) console.log(`live coverage figures saved in ${saveLive(live)}`);
// Several instances behind nginx against one (bench/cluster.ts): PostgreSQL + Redis, its own ports (BENCH_CLUSTER_PORT).
const cluster: ClusterResult | null = process.env.BENCH_SKIP_CLUSTER ? null : await measureCluster(clusterOptionsFromEnv());

const row = (name: string, connections: number) => results.find((r) => r.name === name && r.connections === connections)!;
const ceilingAt = (connections: number) => row('static file (ceiling)', connections);
const cachedArticle = row('article (cached)', CONNECTIONS[0]!);
const section50 = row('section (cached)', CONNECTIONS[0]!);
const baseline = js[0]!.gzipBytes;
const articleJs = js.find((j) => j.route === 'article')!.gzipBytes;
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
// Other work on a shared machine moves every absolute figure; say how busy it was.
const loadAverage = os.loadavg().map((l) => l.toFixed(1)).join(' / ');
const benchMinutes = (performance.now() - benchStarted) / 60_000;
const ratio = (a: number, b: number) => (a / b).toFixed(2);
const miss = (ok: boolean) => (ok ? 'met' : '**missed**');
const growth = ((memory!.rssSettledMb - memory!.rssBeforeMb) / memory!.rssBeforeMb) * 100;
const growthAfter = ((memory!.rssAfterMb - memory!.rssBeforeMb) / memory!.rssBeforeMb) * 100;
const seedLine = `${Math.round(scaleSeed.seconds ?? Number.NaN)} s of wall clock and ${Math.round(scaleSeed.cpuSeconds ?? Number.NaN)} s of CPU on this machine, seeded ${scaleSeed.seededAt.slice(0, 16).replace('T', ' ')} UTC`;

const markdown = `# Benchmarks

Latest run: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${os.cpus().length} cores (${cpu}), Node ${process.version},
load average ${loadAverage} (1/5/15 min) at the end of the run; the whole run took ${benchMinutes.toFixed(0)} minutes.
The load generator (autocannon), Lighthouse's Chromium and the servers share
the machine, so compare the ratios, which are measured in the same run,
rather than the absolute figures.

Every server below runs the production build (\`npm start\`) from its own
copy of \`.next\` (so its Next.js caches start empty and hold only its own
data), on embedded SQLite. The main server's database is the demo plus
${BASELINE_ARTICLES.toLocaleString('en')} generated articles (\`npm run seed -- --articles ${BASELINE_ARTICLES}\`), the
"1k" of the scale section.

## Throughput (${DURATION} s per row after a warm-up; the uncached rows longer, see below)

| page | connections | req/s | p50 ms | p99 ms | errors | ratio to static file |
| --- | ---: | ---: | ---: | ---: | ---: | ---: |
${results
  .map((r) => `| ${r.name} | ${r.connections} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.errors} | ${ratio(r.rps, ceilingAt(r.connections).rps)} |`)
  .join('\n')}

| connections | cached article ÷ static file (target ≥ 0.9) | uncached ÷ cached article (target ≥ 0.3) |
| ---: | ---: | ---: |
${CONNECTIONS.map((c) => {
  const cached = row('article (cached)', c);
  const uncached = row(UNCACHED, c);
  return `| ${c} | **${ratio(cached.rps, ceilingAt(c).rps)}** (${miss(cached.rps >= 0.9 * ceilingAt(c).rps)}) | **${ratio(uncached.rps, cached.rps)}** (${miss(uncached.rps >= 0.3 * cached.rps)}) |`;
}).join('\n')}

How the uncached row truly renders: each connection, in a loop, expires one
generated article with \`POST /api/revalidate\` (\`{"tags": ["article:{id}"]}\`,
the tag both the page and its data cache carry; \`expire: 0\`, so the next
request waits for a fresh render rather than getting the stale page) and then
requests it. Articles are taken in turn from ${renderPool.length}, far more than there
are connections, so no other connection asks for the same one in between.
Only the GETs are counted and timed. The server renders every connection's
page at once, interleaved, so the first answers arrive only after about as
many renders as there are connections. The row counts from the moment that
many renders have completed (steady state) and runs until it has had at
least ${DURATION} s and as many renders again in steady state (${CONNECTIONS.map((c) => `${row(UNCACHED, c).seconds?.toFixed(0)} s in all at ${c} connections`).join(', ')}).
Their \`x-nextjs-cache\` headers (whole run):
${CONNECTIONS.map((c) => `${row(UNCACHED, c).cache} at ${c} connections`).join('; ')}
(never \`HIT\`: every one was a render: article query, related reading, RSC
and HTML, cache write). The expiring POSTs take server time too (a route
handler costs about 1 ms of CPU here, the beacon table below), a few
per cent of a render.

What limits the uncached row (profiled with \`node --cpu-prof\` on a server
rendering expired articles, 4 at a time, 2026-11-26 05:20, machine load ~9):
a render costs about 200 ms of server CPU here against a few ms for a cache
hit, so the ratio is the cost of a render, not of queueing. Of the busy time:
React's server renderer (RSC and HTML, Next.js's bundled runtime plus our
components) about 45 %; SQLite queries (article, related reading, sidebar)
10 %; Next.js writing the rendered page to its cache (the incremental
cache's \`set\`, JSON-serialising buffers, file writes under \`.next\`) about
13 %; garbage collection 9 %. On an idle machine (2026-11-26 07:50, one
request at a time, 1k database) a render took 72 ms of wall clock (100
fresh articles in 7.2 s), of which SQLite about 13 ms. No single part reaches 0.3× of a cache hit:
that takes serving stale pages while one render refreshes them
(\`stale-while-revalidate\`, what the CDN headers allow), not a faster render.

Article requests pass through \`proxy.ts\` (410 for taken-down articles: an
in-memory set lookup); section requests do not, so the article ÷ section
ratio, ${ratio(cachedArticle.rps, section50.rps)} in this run at 50 connections, is what the proxy and the article's larger page cost together (the A/B below separates them)
(1.17 in the run before it existed, 2026-11-26 01:33; ADR 0008 has an A/B
of the same build with and without it). In-process figures for search and
sitemaps at 100,000 articles, on both engines: \`docs/benchmarks-findability.md\`
(\`npx tsx bench/findability.ts\`).

What limits the cached article (profiled with \`node --cpu-prof\` on the server during the
article row, 2026-11-26): the page is a full-route cache hit (\`x-nextjs-cache:
HIT\`, no rendering, no database read, no file read: \`strace\` shows only
socket reads and one \`writev\` per response). The difference from the static
file is Next.js's per-request work for an app page: route matching and
rewrites, the app-page handler preparing the request, converting the cached
HTML string to bytes, headers. Next.js also hashed the whole HTML for an ETag on
every hit, a fifth of the server's time; \`generateEtags: false\` removed that
(+20 % on this row). The remaining gap is inside Next.js's cached-response
path; closing it means answering cache hits before Next.js (a CDN or reverse
proxy cache honouring \`s-maxage\`, which every cached page sends).

An A/B on the idle machine (2026-11-26 08:10, 50 connections, 8 s each,
twice): static file 1,067 and 1,075 req/s; the cached article 471 and 503
(0.46); the same article with the proxy skipped (a bench-only header, since removed)
596 and 636 (0.58). So the proxy costs about a fifth of a cached article,
and the rest grows with the page's size: the section page (88 KB of HTML
and RSC payload) reaches 0.87 in the table above, the article (223 KB, the
sidebar's three ranking lists, the related rows and every picture's
\`srcset\` written twice, as HTML and again in the RSC payload) 0.56.

## Lighthouse 12.2.3, mobile (median of ${LIGHTHOUSE_RUNS} runs per page)

Lighthouse's default mobile settings (emulated phone, simulated slow 4G, 4×
CPU slowdown) in headless Debian Chromium, against the main server after the
throughput rows (pages cached), after one uncounted run per page (so the
picture sizes its phone screen asks for are made and cached, as for every
reader after the first). Each figure is the median of its runs; the
pages are measured round-robin. Targets (issue 7): accessibility, best
practices and SEO 100, performance ≥ 90, CLS ≤ 0.01.

| page | path | performance | accessibility | best practices | SEO | LCP ms | TBT ms | CLS | performance, every run |
| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |
${lighthouseRows
  .map(
    (l) =>
      `| ${l.name} | \`${l.path.replace(/[a-z0-9]{8}$/, '{id}')}\` | ${l.scores.performance} | ${l.scores.accessibility} | ${l.scores['best-practices']} | ${l.scores.seo} | ${l.lcpMs.toFixed(0)} | ${l.tbtMs.toFixed(0)} | ${l.cls.toFixed(3)} | ${l.performanceRuns.join(', ')} |`,
  )
  .join('\n')}

Missed: ${
  lighthouseRows
    .flatMap((l) => [
      ...(['accessibility', 'best-practices', 'seo'] as const).filter((c) => l.scores[c] < 100).map((c) => `${l.name} ${c} ${l.scores[c]}`),
      ...(l.scores.performance < 90 ? [`${l.name} performance ${l.scores.performance}`] : []),
      ...(l.cls > 0.01 ? [`${l.name} CLS ${l.cls.toFixed(3)}`] : []),
    ])
    .join('; ') || 'none'
}. Audits that cost points outside performance: ${
  lighthouseRows
    .filter((l) => l.failing.length > 0)
    .map((l) => `${l.name}: ${l.failing.map((f) => `\`${f}\``).join(', ')}`)
    .join('; ') || 'none'
}.

## Scale: 1,000 against 100,000 articles (HTTP, production build)

A second server on a database of the demo plus ${SCALE_ARTICLES.toLocaleString('en')} generated articles
(\`npm run seed -- --articles ${SCALE_ARTICLES}\`: ${seedLine}${
  scaleSeed.cachedFrom ? `; this run copied the seeded file from \`${path.relative(process.cwd(), scaleSeed.cachedFrom)}\`, kept between runs and keyed by a hash of the seed code and migrations` : ''
}), up at the same time as the main ("1k") one. Every row is the median of
${SCALE_SAMPLES} requests from one client, alternating between the two servers so both
see the same noise. The generated articles are the same on both (the
generator is seeded), and the article row renders one neither server has
rendered before. On first start each server loads the demo's view history
for the demo's own articles (lib/rankings/runtime.ts \`seedDemoViews\`; until
2026-11-26 it built one for every public article, which at 100,000 took
more than two minutes and over 1.5 GB of RSS before the server answered). "RSS rise" is the largest growth of the server's resident
memory seen while it answered (sampled every 5 ms from \`/proc\`).

| row | 1k ms | 100k ms | 100k ÷ 1k (target ≤ 1.2) | x-nextjs-cache (1k / 100k) | RSS rise MB (1k / 100k) | note |
| --- | ---: | ---: | ---: | --- | ---: | --- |
${scaleRows
  .map((r) => {
    const k = r.ms['1k']!;
    const m = r.ms['100k']!;
    return `| ${r.name} | ${k.toFixed(1)} | ${m.toFixed(1)} | **${ratio(m, k)}** (${m / k > 1.2 ? 'missed' : 'met'}) | ${r.cache['1k']} / ${r.cache['100k']} | ${r.rssPeakDeltaMb['1k']!.toFixed(0)} / ${r.rssPeakDeltaMb['100k']!.toFixed(0)} | ${r.note ?? ''} |`;
  })
  .join('\n')}

The month sitemap (\`articles-${scaleMonth}-1.xml\`) holds ${scaleUrls['1k']} URLs at 1k and
${scaleUrls['100k']} at 100k: its time grows with the URLs it must list, so its
ratio per URL is ${(() => {
  const r = scaleRows.find((x) => x.name.startsWith('month sitemap'))!;
  return ratio(r.ms['100k']! / scaleUrls['100k']!, r.ms['1k']! / scaleUrls['1k']!);
})()}. It is streamed (\`streamUrlset\`, lib/seo/sitemap-xml.ts):
the response is a \`ReadableStream\` that reads the next 1,000 rows only when
the previous batch has been sent, so the server never holds the month's rows
at once; the RSS rise column is what that costs at each size.

What limits the rows that grow (the same queries timed in process on the
two SQLite databases, 2026-11-26 08:00, machine otherwise idle):

- **Sitemap index.** It now reads the month counts that triggers keep
  (\`article_months\`, ADR 0016) and counts topics, tags, series and
  authors with one \`EXISTS\` each: 0.2 ms for the months and 2 ms for the
  listings at both sizes. Before, two group-by counts over every article
  took 0.7 s and 3.1 s at 100k (4 ms at 1k), 140× over HTTP.
- **Article, first render.** The part that grew is あわせて読みたい
  (lib/content/related.ts): the newest 100 candidates of each relation.
  A tag can have thousands of articles at 100k, and finding its newest
  public ones through \`articles\` read every one (the tag relation alone
  took 48 ms per page). Now each tag and topic link row carries its
  article's status and publication time (copied by triggers, migration
  0008) and the newest are the first entries of the link's own index; the
  other relations read the articles' indexes only (\`articles_id_public\`,
  migration 0007) before any row: the whole related query takes about
  10 ms at 100k against 7 ms at 1k, in process (19 ms in the run before,
  825 ms without planner statistics). What is left grows with a tag's size
  only in counting its articles for the ranking's rarity weight.
- **Search.** The generated articles reuse the demo's paragraphs, so at 100k
  「半導体」 is in 25,432 articles and 「関税」 in 4,600 (260 and 56 at 1k).
  Reading every match's row to keep the public ones, count and order them
  took 120 ms of 「半導体」's 134 ms; a word in more than 2,000 articles is now
  read from the newest public article down, and the count stops at the
  1,000 a reader can page through (ADR 0007's revision): 16 ms at 100k
  against 6 ms at 1k, in process. 「関税」 has two characters, fewer than a
  trigram, and scanned every headline and standfirst (97 ms at 100k, 83 ms
  of it the scan); words of one or two characters now have their own index
  (migration 0009): 23 ms against 9 ms, in process.
- **Home page.** It took a second at 100k in an earlier run (13×): the
  sidebar's ニュース速報 query read every public article, because SQLite had
  no planner statistics; the server runs \`PRAGMA optimize\` after migrating
  and seeding (lib/db/prepare.ts), which also gives new indexes their
  statistics (without them the related query took 825 ms at 100k).
- **Month sitemap.** 100 times the rows in the time shown above; per URL it
  is cheaper at 100k.

## Server memory (${memory!.requests.toLocaleString('en')} requests)

RSS (\`VmRSS\` in \`/proc/<pid>/status\`) of the Next.js server process (the
one listening on the port, under \`npm start\`), after a warm-up of ${MEMORY_WARMUP.toLocaleString('en')}
requests of the same mix and 10 s of quiet, then after
${memory!.requests.toLocaleString('en')} requests at 50 connections (${memory!.seconds.toFixed(0)} s; ${memory!.errors} errors: ${memory!.errorKinds.failed} connection errors, ${memory!.errorKinds.timeouts} timeouts of 10 s, ${memory!.errorKinds.non2xx} answers other than 2xx). Mix, of every 100:
48 cached articles (the ${publicIds.length} public demo articles in turn), 25 home,
25 section pages (four sections in turn), one \`POST /api/revalidate\` of a
generated article and one request for it (${memory!.counts.rendered} of ${memory!.counts.uncached} were fresh renders).

| before | right after | after 10 s quiet | peak during the run (1 s samples) | growth (settled) | growth (right after) |
| ---: | ---: | ---: | ---: | ---: | ---: |
| ${memory!.rssBeforeMb.toFixed(0)} MB | ${memory!.rssAfterMb.toFixed(0)} MB | ${memory!.rssSettledMb.toFixed(0)} MB | ${memory!.rssPeakMb.toFixed(0)} MB | **${growth.toFixed(1)} %** (${miss(growth < 10)}) | ${growthAfter.toFixed(1)} % |

RSS after each block of ${memory!.block.toLocaleString('en')} requests: ${memory!.rssByBlockMb.map((mb) => `${mb.toFixed(0)} MB`).join(', ')}.
A leak climbs with every block; caches at their bounds and the timing of
garbage collection move it around a level.

Whether the JavaScript heap leaks (2026-11-26 09:05, the same mix on the 1k
database, heap snapshots taken with \`--heapsnapshot-signal\`, each after a
full collection): after 10,000 requests the live heap was 149 MB and RSS
638 MB; after 40,000 more (400 fresh renders) the live heap was 156 MB
(+4 %: Next.js's page cache still filling towards its 50 MB bound, 533 →
756 entries, and compiled code) while RSS had reached 991 MB. RSS that
climbs from block to block, as in some runs, is memory V8 and the
allocator keep after collections, not objects the server holds; in other
runs it levels off (978, 993, 1,026, 972, 964 MB, 2026-11-26 08:28). A server
started with its heap capped at 320 MB ran out of heap after about 150 s of
this mix at 50 connections, its last collections keeping 298 MB live: under
load the heap holds twice what it holds at rest, so a cap must leave that
room.

Target: growth < 10 %.

## Page-view beacon ingestion (\`POST ${BEACON_ROUTE}\`, 50 connections, median of 3 alternating runs of ${DURATION} s)

Every request is a different reader (its own User-Agent) viewing a demo
article, so none is deduplicated and each 2xx is a view accepted for
counting. The bare route handler is a \`POST\` handler that returns 204
and does nothing: the ceiling for any route handler on this server. Each
backend is measured against its own ceiling, in the same server process,
alternating with it. "Counted" is read from the store afterwards over all
three beacon runs; it can exceed "accepted" by the requests still in flight
when autocannon stopped (at most one per connection per run).

| row | views/s (req/s) | p50 ms | p99 ms | errors | ratio to bare handler | server CPU µs per request | views counted / accepted |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${[sqliteBeacon!, redisBeacon!]
  .flatMap(({ bare, beacon, counted, accepted, bareCpu, beaconCpu, cpuRatio }) => [
    `| ${bare.name} | ${bare.rps.toFixed(0)} | ${bare.p50} | ${bare.p99} | ${bare.errors} | 1.00 | ${bareCpu.toFixed(0)} | |`,
    `| **${beacon.name}** | **${beacon.rps.toFixed(0)}** | ${beacon.p50} | ${beacon.p99} | ${beacon.errors} | **${(beacon.rps / bare.rps).toFixed(2)}** (CPU: **${cpuRatio.toFixed(2)}**) | ${beaconCpu.toFixed(0)} | ${counted} / ${accepted} |`,
  ])
  .join('\n')}

"CPU" is the same ratio measured as the server's CPU time per request (bare ÷
beacon, medians): what one core can take of each, and the figure least
moved by other programs on the machine. Redis's own CPU is not in it.

Targets: ≥ 5,000 views/s on SQLite and ≥ 20,000 on Redis, or ≥ 0.5 of the
bare handler. On this 2-core machine, with autocannon taking one core, the
bare handler itself stays far below the absolute targets, so the ratio is the
figure that carries over. Where the beacon's extra CPU goes (measured on
2026-11-26 with two throw-away routes beside the bare one): reading the
body through Next.js's web stream, 70–100 µs; our counting code, 25–40 µs
(next table); the rest is Next.js per request, as for the bare handler.

The same counting code without HTTP, in the bench process (50 concurrent
callers, 50,000 new readers; headers checked, body parsed, filtered,
deduplicated, buffered and written in batches), shows where the time goes:

| backend | views/s (one process) | CPU µs per view | counted / sent |
| --- | ---: | ---: | ---: |
${rankingRead.map((r) => `| ${r.backend} | ${r.ingest.viewsPerSecond.toFixed(0)} | ${r.ingest.cpuMicrosPerView.toFixed(1)} | ${r.ingest.counted} / ${r.ingest.views} |`).join('\n')}

## Rankings with 1,000,000 views in the month window

${rankingRead[0]!.rows.toLocaleString('en')} hourly rows (1,000,000 views over 2,000 articles, Zipf-like, a few
views per article-hour, every hour of the 30 days). The job sums all three
windows from the raw counts at most once a minute; a page render reads only
the stored snapshot and the ten articles' summaries (and is itself cached).
Medians of 5 job runs and 50 reads, in the bench process.

| backend | job: compute all three windows (ms) | page read: snapshot + summaries (ms) |
| --- | ---: | ---: |
${rankingRead.map((r) => `| ${r.backend} | ${r.computeMs.toFixed(1)} | ${r.readMs.toFixed(2)} |`).join('\n')}

## What a write costs the pages it touches (docs/adr/0018)

Median time to answer a page right after its cached copy was expired through
\`POST /api/revalidate\`: the home page after a breaking flag (\`breaking\`)
${renderMs.home.toFixed(0)} ms; an article after a correction of its own (\`article:<id>\`)
${renderMs.article.toFixed(0)} ms. A flag, a publish or a ranking update re-renders no
article page: their rails refresh in the browser from \`GET /api/rails\`.

## Client JavaScript (gzip bytes of every script the served page loads)

| route | scripts | gzip bytes | ratio to empty page |
| --- | ---: | ---: | ---: |
${js.map((j) => `| ${j.route} (\`${j.path.replace(/[a-z0-9]{8}$/, '{id}')}\`) | ${j.scripts} | ${j.gzipBytes} | ${(j.gzipBytes / baseline).toFixed(2)} |`).join('\n')}

**Article ÷ empty page: ${(articleJs / baseline).toFixed(2)}** (target ≤ 1.1).

## How to reproduce

\`\`\`sh
npm ci && npm run bench        # builds, seeds, starts \`npm start\` on ports ${PORT} and ${SCALE_PORT} (BENCH_PORT), Redis at 127.0.0.1:6379 or BENCH_REDIS_URL
BENCH_SKIP_BUILD=1 BENCH_SECONDS=20 npm run bench   # reuse the build, longer runs
BENCH_RESEED=1 npm run bench   # seed the 100,000-article database again instead of copying it from .bench-data/
# also: BENCH_SCALE_ARTICLES, BENCH_SCALE_SAMPLES, BENCH_MEMORY_REQUESTS, BENCH_LIGHTHOUSE_RUNS; Chromium at /usr/bin/chromium or CHROMIUM_PATH
BENCH_SKIP_DAY=1 npm run bench  # leave out the newsroom day (its own settings are in its section below)
BENCH_SKIP_LIVE=1 npm run bench  # leave out live coverage (alone: npx tsx bench/live.ts; BENCH_LIVE_READERS, BENCH_LIVE_SECONDS)
BENCH_LIVE_CLUSTER=1 npx tsx bench/live.ts  # live coverage on npm run cluster (3 instances, PostgreSQL + Redis, nginx; BENCH_LIVE_INSTANCES), its own section
BENCH_SKIP_CLUSTER=1 npm run bench  # leave out the cluster (PostgreSQL at KIJI_TEST_DATABASE_URL; BENCH_CLUSTER_* in bench/cluster.ts)
\`\`\`

The static-file row serves the article's exact HTML from \`public/\` through
the same Next.js server: the ceiling for a cached page. The empty page is
\`/baseline\`, a page with no component of ours.
`;
// Sections other bench scripts own (bench/sections.ts) stay as they were.
const kept = keptSections(fs.readFileSync('docs/benchmarks.md', 'utf8'));
const document = [markdown.trimEnd(), ...kept].join('\n\n') + '\n';
// Without a day this run (BENCH_SKIP_DAY), the last one's section is among those kept.
const withDay = day ? replaceSection(document, 'newsroom-day', formatNewsroomDay(day)) : document;
const withLive = live ? replaceSection(withDay, 'live-coverage', formatLive(live)) : withDay;
fs.writeFileSync('docs/benchmarks.md', cluster ? replaceSection(withLive, 'cluster', formatCluster(cluster)) : withLive);
console.log(markdown);
if (day) console.log(formatNewsroomDay(day));
if (live) console.log(formatLive(live));
if (cluster) console.log(formatCluster(cluster));
