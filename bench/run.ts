// `npm run bench`: throughput, Lighthouse, scale, memory and client-JS
// figures against the production build, all in one run so they can be
// compared as ratios (the machine is shared and noisy; absolute numbers are
// not portable), then the newsroom day, live coverage and the cluster.
// Saves the main figures in bench/results/main-*.json and writes
// docs/benchmarks.md: its head from them (bench/main-report.ts), each other
// section by the script that owns it. `BENCH_MAIN_FROM=<saved .json>` writes
// the head again from a saved run, measuring nothing.
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
import { formatMainReport, UNCACHED, writeMainReport, type BeaconComparison, type ClientJsRow, type MainFigures, type ThroughputRow } from './main-report';
import { measureMemory, type MemoryResult } from './memory';
import { measureRankingRead } from './rankings';
import { measureScale, scaleArticleIds, seedDataDir, type ScaleRow, type SeededData } from './scale';
import { clusterOptionsFromEnv, formatCluster, measureCluster, type ClusterResult } from './cluster';
import { dayOptionsFromEnv, formatNewsroomDay, measureNewsroomDay, saveNewsroomDay, type DayResult } from './newsroom-day';
import { formatLive, liveOptionsFromEnv, measureLive, saveLive, type LiveResult } from './live';
import { currentCommit, loadResult, saveResult } from './report';
import { replaceHead, replaceSection } from './sections';
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

async function load(name: string, urlPath: string, connections: number, duration: number): Promise<ThroughputRow> {
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
async function loadUncached(name: string, ids: string[], connections: number, seconds: number): Promise<ThroughputRow> {
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
const REVALIDATE_SECRET = randomBytes(24).toString('hex');
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const publicIds = demoArticles.filter((a) => !a.status).map((a) => deriveArticleId(a.key));
const BEACON_ROUTE = '/api/views';
const BARE_ROUTE = '/api/bench/bare';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

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
async function countSqliteViews(dataDir: string): Promise<number> {
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
async function beaconRows(backend: string, count: () => Promise<number>): Promise<BeaconComparison> {
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

/**
 * The main part's measuring, start to finish: seeds, starts and stops its
 * own servers on PORT and SCALE_PORT. The figures lack only what the whole
 * run knows at its end (MainFigures' finishedAt, minutes, loadAverage).
 */
async function measureMain(startedAt: string): Promise<Omit<MainFigures, 'finishedAt' | 'minutes' | 'loadAverage'>> {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiji-bench-'));
  const dataDir = path.join(workDir, 'data-1k');
  // Copies of the build and databases: gone when the run ends, however it ends.
  process.on('exit', () => fs.rmSync(workDir, { recursive: true, force: true }));
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
  const results: ThroughputRow[] = [];
  const js: ClientJsRow[] = [];
  let renderMs = { home: 0, article: 0 };
  let sqliteBeacon: BeaconComparison;
  let lighthouseRows: LighthouseRow[] = [];
  let scaleRows: ScaleRow[] = [];
  let scaleMonth = '';
  let scaleUrls: Record<string, number> = {};
  let memory: MemoryResult;
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
    const record = async (run: () => Promise<ThroughputRow>) => {
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

    sqliteBeacon = await beaconRows('SQLite', () => countSqliteViews(dataDir));
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
  let redisBeacon: BeaconComparison;
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

  return {
    startedAt,
    machine: { cores: os.cpus().length, cpu: os.cpus()[0]?.model ?? 'unknown CPU', node: process.version },
    commit: currentCommit(),
    settings: {
      port: PORT,
      scalePort: SCALE_PORT,
      seconds: DURATION,
      connections: CONNECTIONS,
      baselineArticles: BASELINE_ARTICLES,
      scaleArticles: SCALE_ARTICLES,
      scaleSamples: SCALE_SAMPLES,
      memoryWarmup: MEMORY_WARMUP,
      lighthouseRuns: LIGHTHOUSE_RUNS,
    },
    throughput: results,
    renderPoolSize: renderPool.length,
    renderMs,
    lighthouse: lighthouseRows,
    scale: { seed: scaleSeed, rows: scaleRows, month: scaleMonth, urls: scaleUrls },
    memory: memory!,
    publicArticles: publicIds.length,
    beacon: { route: BEACON_ROUTE, sqlite: sqliteBeacon!, redis: redisBeacon! },
    rankings: rankingRead,
    clientJs: js,
  };
}

/** What only the end of the whole run knows: the document's "Latest run" line. */
const runEnd = () => ({ finishedAt: new Date().toISOString(), minutes: (performance.now() - benchStarted) / 60_000, loadAverage: os.loadavg() });

// BENCH_MAIN_FROM=<saved .json>: write the head again from a saved run (e.g. after editing a note in bench/notes/), measuring nothing.
const from = process.env.BENCH_MAIN_FROM;
if (from) {
  console.log(writeMainReport(loadResult<MainFigures>(from)));
} else {
  if (!process.env.BENCH_SKIP_BUILD) execSync('npm run build', { stdio: 'inherit' });
  const startedAt = new Date().toISOString();
  const measured = await measureMain(startedAt);
  // Saved now, so a failure in the sections below loses none of it; saved again at the end with the whole run's time.
  console.log(`main figures saved in ${saveResult('main', startedAt, { ...measured, ...runEnd() })}`);

  // The newsroom day (bench/newsroom-day.ts): its own server, data and ports (BENCH_DAY_PORT), after everything above has stopped.
  const day: DayResult | null = process.env.BENCH_SKIP_DAY ? null : await measureNewsroomDay(dayOptionsFromEnv());
  if (day) console.log(`newsroom day figures saved in ${saveNewsroomDay(day)}`);
  // Live coverage (bench/live.ts): 2,000 readers polling a live page while an editor posts, against an ordinary article; its own server and port (BENCH_LIVE_PORT).
  const live: LiveResult | null = process.env.BENCH_SKIP_LIVE ? null : await measureLive(liveOptionsFromEnv());
  if (live) console.log(`live coverage figures saved in ${saveLive(live)}`);
  // Several instances behind nginx against one (bench/cluster.ts): PostgreSQL + Redis, its own ports (BENCH_CLUSTER_PORT).
  const cluster: ClusterResult | null = process.env.BENCH_SKIP_CLUSTER ? null : await measureCluster(clusterOptionsFromEnv());

  const figures: MainFigures = { ...measured, ...runEnd() };
  console.log(`main figures saved in ${saveResult('main', startedAt, figures)}`);
  const markdown = formatMainReport(figures);
  // Sections other bench scripts own (bench/sections.ts) stay as they were.
  const document = replaceHead(fs.readFileSync('docs/benchmarks.md', 'utf8'), markdown);
  // Without a day this run (BENCH_SKIP_DAY), the last one's section is kept.
  const withDay = day ? replaceSection(document, 'newsroom-day', formatNewsroomDay(day)) : document;
  const withLive = live ? replaceSection(withDay, 'live-coverage', formatLive(live)) : withDay;
  fs.writeFileSync('docs/benchmarks.md', cluster ? replaceSection(withLive, 'cluster', formatCluster(cluster)) : withLive);
  console.log(markdown);
  if (day) console.log(formatNewsroomDay(day));
  if (live) console.log(formatLive(live));
  if (cluster) console.log(formatCluster(cluster));
}
