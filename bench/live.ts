/**
 * Live coverage under a crowd (ADR 0036): 2,000 simulated readers
 * each ask for one page's updates every 5 s while an editor posts every 5 s
 * through the newsroom's own HTTP API, against the same readers on an
 * ordinary article page (and, for scale, on the live page itself, as
 * readers without JavaScript would reload it).
 *
 * Readers are timers, not threads: each has a random phase in the 5 s
 * period and its own `after` (the newest post it has), and the requests go
 * out over a few keep-alive HTTP agents, as a CDN's edge would hold a few
 * connections to the origin. There is no CDN here: every poll reaches the
 * server, so the figures are the origin's cost without one. What reached
 * the server is counted inside it by bench/live-probe.cjs (loaded with
 * NODE_OPTIONS, not part of the product): requests per kind of address
 * (each /api/live request runs its force-dynamic handler) and reads of a
 * stream from SQLite. Page renders are the answers Next.js marked MISS or
 * STALE (each STALE starts one render in the background; concurrent STALE
 * answers share it, so this is an upper bound).
 *
 * Update latency: from the post's HTTP 200 to each reader's first answer
 * that contains it (the endpoint's posts, or the page's HTML). A CDN in
 * front would add up to its s-maxage (5 s) and cut origin requests to
 * about one per distinct address per 5 s: the table gives that count too.
 *
 * `npx tsx bench/live.ts` (after `npm run build`), or as part of
 * `npm run bench`. BENCH_LIVE_READERS (2,000), BENCH_LIVE_SECONDS (60 per
 * scenario), BENCH_LIVE_PORT (3680).
 *
 * Cluster mode (`BENCH_LIVE_CLUSTER=1 npx tsx bench/live.ts`, issue 17's
 * "within 10 s on every instance"): the same scenarios on `npm run cluster`
 * (BENCH_LIVE_INSTANCES instances, 3, on PostgreSQL + Redis behind Debian's
 * nginx with deploy/nginx's configuration, as e2e/cluster.spec.ts starts
 * it; nginx on BENCH_LIVE_PORT, the instances on the ports after it, its
 * purge address on BENCH_LIVE_PORT + 100). Half the readers go through
 * nginx, the other half straight to one instance each (spread evenly), so
 * the latency of each instance is its own figure; the editor posts through
 * nginx. The probe counts per instance (by the port a request arrived on),
 * with PostgreSQL's stream reads; server CPU is each instance's, nginx's
 * apart. Writes its own section (`live-coverage-cluster`).
 */
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { deriveArticleId } from '../lib/content/ids';
import { DEMO_EDITOR } from '../lib/newsroom/startup';
import { demoArticles } from '../lib/seed/demo/articles';
import { clusterPorts, createBenchBackends, startCluster, type RunningCluster } from './cluster-run';
import { BROWSER_HEADERS } from './day-load';
import { createDraft, draftBody, jsonHeaders, runCommand, signIn, type EditorSession } from './editor-client';
import { saveResult } from './report';
import { replaceSection } from './sections';
import { cpuSeconds, prepareAppCopy, requireServerPid, startServer, stopServer, waitForIdle } from './server';

export type LiveOptions = { readers: number; seconds: number; port: number; periodMs: number; agents: number; socketsPerAgent: number };

export function liveOptionsFromEnv(): LiveOptions {
  return {
    readers: Number(process.env.BENCH_LIVE_READERS || 2_000),
    seconds: Number(process.env.BENCH_LIVE_SECONDS || 60),
    port: Number(process.env.BENCH_LIVE_PORT || 3680),
    periodMs: 5_000,
    agents: 4,
    socketsPerAgent: 25,
  };
}

/** Cluster mode: how many instances behind nginx. */
export type LiveClusterOptions = LiveOptions & { instances: number };

export function liveClusterOptionsFromEnv(): LiveClusterOptions {
  return { ...liveOptionsFromEnv(), instances: Number(process.env.BENCH_LIVE_INSTANCES || 3) };
}

type Scenario = 'live-endpoint' | 'article-page' | 'live-page';

export type ScenarioResult = {
  scenario: Scenario;
  target: string;
  seconds: number;
  /** Requests the readers sent and had answered, per second; errors (non-2xx, network). */
  answeredPerSecond: number;
  errors: number;
  /** The errors by status (0: no answer within 30 s or a broken connection). */
  errorStatuses: Record<string, number>;
  /** Counted inside the server (bench/live-probe.cjs), per second. */
  serverRequestsPerSecond: number;
  streamReadsPerSecond: number;
  /** Answers marked MISS or STALE by Next.js (renders, an upper bound), per second; null for the endpoint (no page cache). */
  rendersPerSecond: number | null;
  /** Distinct addresses asked in each 5 s window, averaged, per second: what a CDN keeping each 5 s would pass on. */
  distinctPerSecond: number;
  /** Server CPU seconds per wall second (1.0 = one core), and ms per answered request. */
  cpuPerSecond: number;
  cpuMsPerRequest: number;
  /** The load generator's own CPU s/s (it shares the machine), and the requests it still had queued or in flight when the row ended. */
  generatorCpuPerSecond: number;
  cancelledAtEnd: number;
  /** Reader request latency (ms). */
  requestP50: number;
  requestP95: number;
  /** Post's 200 → a reader's first answer containing it (ms), over every reader and post; null without posts. */
  updateP50: number | null;
  updateP95: number | null;
  updateSamples: number;
  posts: number;
  /** Each way in (one server; in cluster mode nginx and each instance asked directly): what its readers saw. */
  routes?: RouteResult[];
  /** Each server process, counted inside it (bench/live-probe.cjs) and from /proc. */
  servers?: ServerResult[];
  /** nginx's processes' CPU s/s (cluster mode). */
  frontCpuPerSecond?: number | null;
  /** Readers' requests nginx passed on to an instance (not answered from its copy), per second, from its access log. */
  frontPassedPerSecond?: number | null;
};

export type RouteResult = {
  route: string;
  readers: number;
  answeredPerSecond: number;
  errors: number;
  requestP50: number;
  requestP95: number;
  updateP50: number | null;
  updateP95: number | null;
  updateSamples: number;
};

export type ServerResult = {
  server: string;
  /** Requests that reached this server (any address: the editor's, the instances' own warming), per second. */
  requestsPerSecond: number;
  /** Those for the kind of address the readers asked (`/api/live/` or `/articles/`; warming asks the pages too). */
  askedPerSecond: number;
  /** Answers it marked MISS or STALE (a render, or the stale copy whose render it starts), per second. */
  rendersPerSecond: number;
  streamReadsPerSecond: number;
  cpuPerSecond: number;
};

export type LiveResult = {
  startedAt: string;
  options: LiveOptions;
  cores: number;
  results: ScenarioResult[];
  /** 1-minute load average (`uptime`) when the run started and ended: the machine is shared. */
  loadAverage?: { start: number[]; end: number[] };
  /** Cluster mode: the instances behind nginx. */
  instances?: number;
};

const quantile = (xs: number[], q: number) => (xs.length === 0 ? Number.NaN : [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!);

type Answer = { status: number; body: () => Promise<Buffer>; cache: string | undefined; ms: number };

// Off the event loop (libuv's threads): decoding whole pages in it would delay every other reader's timer and answer.
const DECODE: Record<string, (b: Buffer) => Promise<Buffer>> = { gzip: promisify(zlib.gunzip), br: promisify(zlib.brotliDecompress), deflate: promisify(zlib.inflate) };

/**
 * One GET as a browser sends it (compression accepted: a cached page is
 * held compressed, ADR 0030), timed from the call, so a wait for a free
 * socket counts. The body is decoded only when asked for, and its time is
 * not the request's. Every request is in `inFlight` until it ends, so a
 * scenario can cancel what it left.
 */
function get(agent: http.Agent, origin: string, urlPath: string, inFlight: Set<http.ClientRequest>): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve) => {
    const fail = () => resolve({ status: 0, body: () => Promise.resolve(Buffer.alloc(0)), cache: undefined, ms: performance.now() - started });
    const request = http.get(`${origin}${urlPath}`, { agent, headers: { ...BROWSER_HEADERS }, timeout: 30_000 }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (c: Buffer) => chunks.push(c));
      response.on('end', () => {
        inFlight.delete(request);
        const header = response.headers['x-nextjs-cache'];
        const raw = Buffer.concat(chunks);
        const decode = DECODE[String(response.headers['content-encoding'])];
        resolve({ status: response.statusCode ?? 0, body: () => (decode ? decode(raw) : Promise.resolve(raw)), cache: Array.isArray(header) ? header.join(',') : header, ms: performance.now() - started });
      });
      response.on('error', fail);
    });
    inFlight.add(request);
    request.on('timeout', () => request.destroy());
    request.on('error', () => {
      inFlight.delete(request);
      fail();
    });
  });
}

type ProbeCounts = { requests: number; allRequests: number; liveApi: number; articlePage: number; renders: number; streamReads: number };
const NO_COUNTS: ProbeCounts = { requests: 0, allRequests: 0, liveApi: 0, articlePage: 0, renders: 0, streamReads: 0 };

/**
 * What every server process's probe wrote: summed (`total`), and by the
 * port its requests arrived on (one instance's process listens on one).
 */
function readProbe(dir: string): { total: ProbeCounts; byPort: Map<number, ProbeCounts> } {
  const total: ProbeCounts = { ...NO_COUNTS };
  const byPort = new Map<number, ProbeCounts>();
  for (const file of fs.readdirSync(dir)) {
    const counts = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as {
      requests: Record<string, number>;
      renders?: number;
      streamReads: number;
      ports?: number[];
    };
    const mine: ProbeCounts = {
      requests: counts.requests.liveApi! + counts.requests.articlePage!,
      allRequests: counts.requests.liveApi! + counts.requests.articlePage! + (counts.requests.other ?? 0),
      liveApi: counts.requests.liveApi!,
      articlePage: counts.requests.articlePage!,
      renders: counts.renders ?? 0,
      streamReads: counts.streamReads,
    };
    for (const key of Object.keys(total) as (keyof ProbeCounts)[]) total[key] += mine[key];
    const port = counts.ports?.[0];
    if (port !== undefined) {
      const sum = byPort.get(port) ?? { ...NO_COUNTS };
      for (const key of Object.keys(sum) as (keyof ProbeCounts)[]) sum[key] += mine[key];
      byPort.set(port, sum);
    }
  }
  return { total, byPort };
}

/** A live page made as the newsroom makes one (「ライブ記事を作成」, save, publish) and started with its first post. */
async function createLivePage(session: EditorSession): Promise<string> {
  const saved = await createDraft(session, draftBody({ headline: 'ベンチマーク:台風の接近(ライブ)', body: '台風の接近に伴う情報を随時お伝えします。', section: 'society' }), 'live');
  const id = saved.id;
  const published = await runCommand(session, id, 'publish', { baseRevision: saved.revision });
  if (published.status !== 200) throw new Error(`publishing the live page answered ${published.status}: ${published.error}`);
  await post(session, id, '第0報:ライブ配信を始めます。');
  return id;
}

async function post(session: EditorSession, id: string, body: string): Promise<string> {
  const response = await fetch(`${session.origin}/api/newsroom/articles/${id}/live/post`, { method: 'POST', headers: jsonHeaders(session), body: JSON.stringify({ body }) });
  const answer = (await response.json()) as { postId?: string; error?: string };
  if (response.status !== 200 || !answer.postId) throw new Error(`a live post answered ${response.status}: ${answer.error}`);
  return answer.postId;
}

/** A way in for readers: one server, nginx, or one instance asked directly. */
type Route = { label: string; origin: string };
/** A server process measured: its label, the port it listens on, its pid. */
type Server = { label: string; port: number; pid: number };

type RunContext = {
  /** Reader i goes in by `routes[routeOf(i)]`. */
  routes: Route[];
  routeOf: (reader: number) => number;
  servers: Server[];
  /** nginx's pids (cluster mode), for its CPU. */
  frontPids: number[];
  /** nginx's access log (cluster mode: JSON lines, deploy/nginx kiji_json), for what it passed on. */
  frontLog: string | null;
  probeDir: string;
  session: EditorSession;
  options: LiveOptions;
};

const sumCpu = (pids: readonly number[]) => pids.reduce((n, pid) => n + cpuSeconds(pid), 0);

/**
 * How many GETs of `pathPrefix` nginx's access log has from byte `from` on
 * that went to an instance (an `upstream` address: a miss, an expired copy,
 * a bypass) rather than being answered from its copy. nginx writes its
 * buffer at least every second (scripts/cluster.ts), so this waits that out.
 */
async function countPassedOn(log: string, from: number, pathPrefix: string): Promise<number> {
  await new Promise((r) => setTimeout(r, 1_500));
  const text = fs.readFileSync(log).subarray(from).toString('utf8');
  let passed = 0;
  // Whole lines only: nginx may be writing the last one.
  for (const line of text.split('\n').slice(0, -1)) {
    if (!line.startsWith('{')) continue;
    const entry = JSON.parse(line) as { method: string; path: string; upstream: string };
    if (entry.method === 'GET' && entry.path.startsWith(pathPrefix) && entry.upstream !== '') passed += 1;
  }
  return passed;
}

/**
 * One scenario: every reader asks `target(reader)` once per period at its
 * own phase, by its route; with `liveId`, an editor posts every period, and
 * each reader's answers are searched for the posts it has not seen yet.
 */
async function runScenario(scenario: Scenario, ctx: RunContext, liveId: string | null, firstAfter: string | null, articlePath: string): Promise<ScenarioResult> {
  const { options } = ctx;
  const readers = Array.from({ length: options.readers }, (_, i) => ({ i, route: ctx.routeOf(i), after: firstAfter, seen: new Set<string>() }));
  // Each route its own keep-alive agents, as each edge of a CDN holds its own connections, with
  // agents × socketsPerAgent sockets a route on average, shared by readers' count: a route with
  // more readers must not wait for sockets where one with fewer does not.
  const agents = ctx.routes.map((_, route) => {
    const share = readers.filter((r) => r.route === route).length / readers.length;
    const sockets = Math.max(1, Math.round(options.socketsPerAgent * ctx.routes.length * share));
    return Array.from({ length: options.agents }, () => new http.Agent({ keepAlive: true, maxSockets: sockets }));
  });
  const perRoute = ctx.routes.map(() => ({ answered: 0, errors: 0, latencies: [] as number[], updates: [] as number[] }));
  const posts: { id: string; marker: string; at: number }[] = [];
  const windows = new Map<number, Set<string>>();
  const caches: Record<string, number> = {};
  const errorStatuses: Record<string, number> = {};
  let running = true;
  const inFlight = new Set<http.ClientRequest>();

  const target = (reader: (typeof readers)[number]) =>
    scenario === 'live-endpoint' ? `/api/live/${liveId}?after=${encodeURIComponent(reader.after!)}` : scenario === 'live-page' ? `/articles/${liveId}` : articlePath;

  const started = performance.now();
  const probeBefore = readProbe(ctx.probeDir);
  const cpuBefore = ctx.servers.map((s) => cpuSeconds(s.pid));
  const frontBefore = sumCpu(ctx.frontPids);
  const frontLogStart = ctx.frontLog ? fs.statSync(ctx.frontLog).size : 0;
  const generatorBefore = process.cpuUsage();
  const end = started + options.seconds * 1000;

  const poll = async (reader: (typeof readers)[number]) => {
    const urlPath = target(reader);
    const window = Math.floor((performance.now() - started) / options.periodMs);
    let set = windows.get(window);
    if (!set) windows.set(window, (set = new Set()));
    set.add(urlPath);
    const route = perRoute[reader.route]!;
    const routeAgents = agents[reader.route]!;
    const answer = await get(routeAgents[reader.i % routeAgents.length]!, ctx.routes[reader.route]!.origin, urlPath, inFlight);
    const at = performance.now();
    if (!running) return;
    route.latencies.push(answer.ms);
    if (answer.status !== 200) {
      route.errors += 1;
      errorStatuses[answer.status] = (errorStatuses[answer.status] ?? 0) + 1;
      return;
    }
    route.answered += 1;
    if (scenario !== 'live-endpoint') caches[answer.cache ?? 'none'] = (caches[answer.cache ?? 'none'] ?? 0) + 1;
    if (!liveId) return;
    if (scenario === 'live-endpoint') {
      const update = JSON.parse((await answer.body()).toString('utf8')) as { posts: { id: string }[] };
      if (update.posts.length > 0) reader.after = update.posts[0]!.id;
      for (const p of update.posts) arrive(reader, p.id, at);
    } else if (posts.some((p) => !reader.seen.has(p.id))) {
      const html = await answer.body();
      for (const p of posts) if (!reader.seen.has(p.id) && html.includes(p.marker)) arrive(reader, p.id, at);
    }
  };
  const arrive = (reader: (typeof readers)[number], postId: string, at: number) => {
    if (reader.seen.has(postId)) return;
    reader.seen.add(postId);
    const p = posts.find((x) => x.id === postId);
    // Only posts of this run that returned 200 before this answer count (an answer can race the post's own 200).
    if (p && at >= p.at) perRoute[reader.route]!.updates.push(at - p.at);
  };

  const timers: NodeJS.Timeout[] = [];
  for (const reader of readers) {
    const phase = Math.random() * options.periodMs;
    const tick = () => {
      if (!running) return;
      void poll(reader);
      timers[reader.i] = setTimeout(tick, options.periodMs);
    };
    timers[reader.i] = setTimeout(tick, phase);
  }
  const editor = (async () => {
    if (!liveId) return;
    for (let n = 1; performance.now() + options.periodMs < end; n++) {
      await new Promise((r) => setTimeout(r, options.periodMs));
      const marker = `bench-${scenario}-${n}-${Date.now()}`;
      const id = await post(ctx.session, liveId, `第${n}報 ${marker}`);
      posts.push({ id, marker, at: performance.now() });
    }
  })();
  await new Promise((r) => setTimeout(r, options.seconds * 1000));
  // A last period for the newest post to reach every reader, still counted.
  await editor;
  await new Promise((r) => setTimeout(r, options.periodMs + 1_000));
  running = false;
  timers.forEach(clearTimeout);
  const seconds = (performance.now() - started) / 1000;
  const cpu = ctx.servers.map((s, i) => cpuSeconds(s.pid) - cpuBefore[i]!);
  const frontCpu = sumCpu(ctx.frontPids) - frontBefore;
  const generator = process.cpuUsage(generatorBefore);
  // What is still queued or in flight is cancelled, not carried into the next scenario.
  const left = inFlight.size;
  for (const request of inFlight) request.destroy();
  for (const agent of agents.flat()) agent.destroy();
  await new Promise((r) => setTimeout(r, 600));
  const probeAfter = readProbe(ctx.probeDir);
  const passed = ctx.frontLog ? await countPassedOn(ctx.frontLog, frontLogStart, scenario === 'live-endpoint' ? '/api/live/' : scenario === 'live-page' ? `/articles/${liveId}` : articlePath) : null;
  for (const server of ctx.servers) await waitForIdle(server.pid);
  const full = [...windows.entries()].filter(([w]) => (w + 1) * options.periodMs <= seconds * 1000);
  const renders = (caches.MISS ?? 0) + (caches.STALE ?? 0);
  const answered = perRoute.reduce((n, r) => n + r.answered, 0);
  const latencies = perRoute.flatMap((r) => r.latencies);
  const updates = perRoute.flatMap((r) => r.updates);
  const serverCpu = cpu.reduce((a, b) => a + b, 0);
  return {
    scenario,
    target: scenario === 'live-endpoint' ? `/api/live/{id}?after=…` : scenario === 'live-page' ? '/articles/{live id}' : '/articles/{id}',
    seconds,
    answeredPerSecond: answered / seconds,
    errors: perRoute.reduce((n, r) => n + r.errors, 0),
    errorStatuses,
    serverRequestsPerSecond: (probeAfter.total.requests - probeBefore.total.requests) / seconds,
    streamReadsPerSecond: (probeAfter.total.streamReads - probeBefore.total.streamReads) / seconds,
    rendersPerSecond: scenario === 'live-endpoint' ? null : renders / seconds,
    distinctPerSecond: full.reduce((n, [, s]) => n + s.size, 0) / Math.max(1, full.length) / (options.periodMs / 1000),
    cpuPerSecond: serverCpu / seconds,
    generatorCpuPerSecond: (generator.user + generator.system) / 1e6 / seconds,
    cancelledAtEnd: left,
    cpuMsPerRequest: (serverCpu * 1000) / Math.max(1, answered),
    requestP50: quantile(latencies, 0.5),
    requestP95: quantile(latencies, 0.95),
    updateP50: liveId ? quantile(updates, 0.5) : null,
    updateP95: liveId ? quantile(updates, 0.95) : null,
    updateSamples: updates.length,
    posts: posts.length,
    routes: ctx.routes.map((route, i) => {
      const r = perRoute[i]!;
      return {
        route: route.label,
        readers: readers.filter((x) => x.route === i).length,
        answeredPerSecond: r.answered / seconds,
        errors: r.errors,
        requestP50: quantile(r.latencies, 0.5),
        requestP95: quantile(r.latencies, 0.95),
        updateP50: liveId ? quantile(r.updates, 0.5) : null,
        updateP95: liveId ? quantile(r.updates, 0.95) : null,
        updateSamples: r.updates.length,
      };
    }),
    servers: ctx.servers.map((server, i) => {
      const [a, b] = [probeBefore.byPort.get(server.port) ?? NO_COUNTS, probeAfter.byPort.get(server.port) ?? NO_COUNTS];
      const kind = scenario === 'live-endpoint' ? 'liveApi' : 'articlePage';
      return {
        server: server.label,
        requestsPerSecond: (b.allRequests - a.allRequests) / seconds,
        askedPerSecond: (b[kind] - a[kind]) / seconds,
        rendersPerSecond: (b.renders - a.renders) / seconds,
        streamReadsPerSecond: (b.streamReads - a.streamReads) / seconds,
        cpuPerSecond: cpu[i]! / seconds,
      };
    }),
    frontCpuPerSecond: ctx.frontPids.length > 0 ? frontCpu / seconds : null,
    frontPassedPerSecond: passed === null ? null : passed / seconds,
  };
}

/** Renders the two pages once and returns the stream's newest post id (the endpoint's first `after`). */
async function warmUp(origins: readonly string[], liveId: string, articlePath: string): Promise<string> {
  for (const origin of origins) {
    for (const p of [articlePath, `/articles/${liveId}`, articlePath, `/articles/${liveId}`]) await (await fetch(origin + p)).arrayBuffer();
  }
  const first = (await (await fetch(`${origins[0]}/api/live/${liveId}?after=1970-01-01T00:00:00Z`)).json()) as { posts: { id: string }[] };
  return first.posts[0]!.id;
}

const ordinaryArticlePath = () => `/articles/${deriveArticleId(demoArticles.find((a) => !a.status && !a.body.includes('::pagebreak'))!.key)}`;

/** The three scenarios, the ordinary article first. */
async function runScenarios(ctx: RunContext, liveId: string, firstAfter: string, articlePath: string): Promise<ScenarioResult[]> {
  const results: ScenarioResult[] = [];
  results.push(await runScenario('article-page', ctx, null, null, articlePath));
  results.push(await runScenario('live-endpoint', ctx, liveId, firstAfter, articlePath));
  results.push(await runScenario('live-page', ctx, liveId, null, articlePath));
  return results;
}

/** The three scenarios on one production server of their own (copy of the build, fresh demo data). */
export async function measureLive(options: LiveOptions): Promise<LiveResult> {
  const loadAtStart = os.loadavg();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kiji-live-bench-'));
  const probeDir = path.join(work, 'probe');
  fs.mkdirSync(probeDir);
  const origin = `http://127.0.0.1:${options.port}`;
  // Beside the other temporary folders, as the e2e servers' copies are (kiji-e2e-app-<port>).
  const app = prepareAppCopy(path.join(os.tmpdir(), `kiji-live-app-${options.port}`));
  const probe = path.resolve('bench/live-probe.cjs');
  const cleanUp = () => {
    fs.rmSync(work, { recursive: true, force: true });
    fs.rmSync(app, { recursive: true, force: true });
  };
  const child = await startServer(
    { KIJI_DATA_DIR: path.join(work, 'data'), SITE_URL: origin, NEXT_TELEMETRY_DISABLED: '1', KIJI_BENCH_PAGES: '0', KIJI_BENCH_PROBE_DIR: probeDir, NODE_OPTIONS: `--require ${probe}` },
    options.port,
    { cwd: app },
  ).catch((error: unknown) => {
    cleanUp();
    throw error;
  });
  try {
    const pid = requireServerPid(options.port);
    const { session } = await signIn(origin, DEMO_EDITOR.login, DEMO_EDITOR.password);
    const liveId = await createLivePage(session);
    const articlePath = ordinaryArticlePath();
    // Both pages rendered and cached before anyone counts.
    const firstAfter = await warmUp([origin], liveId, articlePath);
    const ctx: RunContext = { routes: [{ label: 'server', origin }], routeOf: () => 0, servers: [{ label: 'server', port: options.port, pid }], frontPids: [], frontLog: null, probeDir, session, options };
    const results = await runScenarios(ctx, liveId, firstAfter, articlePath);
    return { startedAt: new Date().toISOString(), options, cores: os.cpus().length, results, loadAverage: { start: loadAtStart, end: os.loadavg() } };
  } finally {
    await stopServer(child, 30_000);
    cleanUp();
  }
}

/**
 * nginx's master (its pid file under the cluster's prefix) and its workers;
 * not its cache loader, which exits a minute after the start.
 */
function nginxPids(clusterDir: string): number[] {
  const master = Number(fs.readFileSync(path.join(clusterDir, 'nginx', 'nginx.pid'), 'utf8').trim());
  const children = fs.readFileSync(`/proc/${master}/task/${master}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  return [master, ...children.filter((pid) => fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('worker process'))];
}

/**
 * The three scenarios on `npm run cluster`: `instances` instances of the
 * build (each its own copy) on a PostgreSQL schema of their own and Redis,
 * Debian's nginx in front with deploy/nginx's page cache and purge, as
 * e2e/cluster.spec.ts starts them. Half the readers through nginx, half
 * straight to the instances, one each in turn.
 */
export async function measureLiveCluster(options: LiveClusterOptions): Promise<LiveResult> {
  const loadAtStart = os.loadavg();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kiji-live-cluster-'));
  const probeDir = path.join(work, 'probe');
  fs.mkdirSync(probeDir);
  const clusterDir = path.join(work, 'cluster');
  const ports = clusterPorts(options.port, options.instances);
  const origin = (port: number) => `http://127.0.0.1:${port}`;
  const probe = path.resolve('bench/live-probe.cjs');
  const backends = await createBenchBackends('live');
  let cluster: RunningCluster | null = null;
  try {
    cluster = await startCluster(ports, clusterDir, {
      ...backends.env,
      SITE_URL: origin(options.port),
      SMTP_URL: '',
      NEXT_TELEMETRY_DISABLED: '1',
      // Every process of the cluster loads the probe; only the instances receive requests or query the database.
      KIJI_BENCH_PROBE_DIR: probeDir,
      NODE_OPTIONS: `--require ${probe} ${process.env.NODE_OPTIONS ?? ''}`.trim(),
    });
    const { front } = cluster;
    const servers = ports.instances.map((port, i) => ({ label: `instance ${i + 1}`, port, pid: requireServerPid(port) }));
    const { session } = await signIn(front, DEMO_EDITOR.login, DEMO_EDITOR.password);
    const liveId = await createLivePage(session);
    const articlePath = ordinaryArticlePath();
    // Both pages rendered on every instance and in nginx's cache before anyone counts.
    const firstAfter = await warmUp([front, ...ports.instances.map(origin)], liveId, articlePath);
    const routes = [{ label: 'nginx', origin: front }, ...servers.map((s) => ({ label: `${s.label}, directly`, origin: origin(s.port) }))];
    const ctx: RunContext = {
      routes,
      // Even readers through nginx; odd ones straight to an instance, each in turn.
      routeOf: (i) => (i % 2 === 0 ? 0 : 1 + (((i - 1) / 2) % servers.length)),
      servers,
      frontPids: nginxPids(clusterDir),
      frontLog: path.join(clusterDir, 'logs', 'nginx-access.json'),
      probeDir,
      session,
      options,
    };
    const results = await runScenarios(ctx, liveId, firstAfter, articlePath);
    return { startedAt: new Date().toISOString(), options, cores: os.cpus().length, results, loadAverage: { start: loadAtStart, end: os.loadavg() }, instances: options.instances };
  } finally {
    await cluster?.stop();
    await backends.remove();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

const NAMES: Record<Scenario, string> = {
  'article-page': 'ordinary article page, reloaded',
  'live-endpoint': 'live page, update endpoint polled',
  'live-page': 'live page itself, reloaded',
};

const f = (x: number | null, digits = 0) => (x === null || Number.isNaN(x) ? '—' : x.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits }));

/** The section of docs/benchmarks.md: the table and what limits it, from one run's figures. */
export function formatLive(result: LiveResult): string {
  const { options } = result;
  const row = (scenario: Scenario) => result.results.find((r) => r.scenario === scenario)!;
  const [article, endpoint, page] = [row('article-page'), row('live-endpoint'), row('live-page')];
  const rows = result.results.map(
    (r) =>
      `| ${NAMES[r.scenario]} (\`${r.target}\`) | ${f(r.answeredPerSecond)} | ${r.errors}${r.errors ? ` (${Object.entries(r.errorStatuses).map(([s, n]) => `${s === '0' ? 'none' : s}: ${n}`).join(', ')})` : ''} | ${f(r.serverRequestsPerSecond)} | ${f(r.rendersPerSecond, 2)} | ${f(r.streamReadsPerSecond, 2)} | ${f(r.distinctPerSecond, 2)} | ${f(r.cpuPerSecond, 2)} (${f(r.cpuPerSecond / article.cpuPerSecond, 2)}×) | ${f(r.cpuMsPerRequest, 2)} | ${f(r.generatorCpuPerSecond, 2)} | ${r.cancelledAtEnd.toLocaleString('en')} | ${f(r.requestP50)} / ${f(r.requestP95)} | ${r.updateP50 === null ? '—' : `${f(r.updateP50)} / ${f(r.updateP95)} (${r.updateSamples.toLocaleString('en')} over ${r.posts} posts)`} |`,
  );
  const perCore = 1000 / endpoint.cpuMsPerRequest;
  return `## Live coverage: ${options.readers.toLocaleString('en')} readers every ${options.periodMs / 1000} s (\`npx tsx bench/live.ts\`)

Run ${result.startedAt.slice(0, 16)}Z on ${result.cores} shared cores (another engineer's benchmark was
running beside it: compare the rows, not the machine), ${f(article.seconds)} s per row, one \`npm start\`
on SQLite with the demo data, **no CDN**: every request reaches the server. In the two live rows the
editor posts every ${options.periodMs / 1000} s through \`POST /api/newsroom/articles/{id}/live/post\`. Readers are
timers with their own phase and \`after\`, over ${options.agents} keep-alive agents × ${options.socketsPerAgent} sockets (a request's time
includes its wait for a socket). Requests and stream reads (SQL on \`live_posts\`) are counted
inside the server by bench/live-probe.cjs; "MISS/STALE answers" are the answers Next.js marked so
(many STALE answers share one background render); "a CDN would pass" is the distinct addresses
asked per 5 s, what a CDN keeping each answer 5 s (\`s-maxage=5\`) would send on.

| readers ask | answered/s | errors | reached server/s | MISS/STALE answers/s | stream reads/s | a CDN would pass/s | server CPU s/s (× article) | server CPU ms/answer | generator CPU s/s | still queued at end | request p50 / p95 ms | post → reader p50 / p95 ms |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${rows.join('\n')}

What limits it:

- **Without a CDN, the Node process.** Each poll runs the endpoint's handler
  (${f(endpoint.serverRequestsPerSecond)}/s reached it), at ${f(endpoint.cpuMsPerRequest, 2)} ms of server CPU an answer, about what a cached
  article page costs from memory (${f(article.cpuMsPerRequest, 2)} ms): ${options.readers.toLocaleString('en')} polling readers cost
  ${f(endpoint.cpuPerSecond / article.cpuPerSecond, 2)}× the CPU of ${options.readers.toLocaleString('en')} readers reloading an ordinary article, ${f(endpoint.cpuPerSecond, 2)} of a core.
  At that CPU per answer one core would answer about ${f(Math.round(perCore / 10) * 10)} polls/s, some ${f(Math.round((perCore * (options.periodMs / 1000)) / 100) * 100)} readers at one
  poll per ${options.periodMs / 1000} s (an extrapolation, not measured).
- **Not the database.** The endpoint's one-second memo folds every poll into
  ${f(endpoint.streamReadsPerSecond, 2)} stream reads/s (the memo's one a second, plus the live page re-rendered after each post);
  readers do not add reads.
- **With a CDN, almost nothing.** Readers who have the same newest post ask the same address:
  ${f(endpoint.distinctPerSecond, 2)} distinct addresses/s would reach the origin, against ${f(endpoint.serverRequestsPerSecond)}/s here.
- **Update latency is the poll interval.** A post reaches a reader a uniform 0–${options.periodMs / 1000} s after its 200
  plus the request's own time (p50 ${f(endpoint.updateP50)} ms, p95 ${f(endpoint.updateP95)} ms); a CDN adds up to its 5 s
  (ADR 0036's bound: poll + CDN + the 1 s memo). Requests in the live row took longer (p50 / p95
  ${f(endpoint.requestP50)} / ${f(endpoint.requestP95)} ms, against ${f(article.requestP50)} / ${f(article.requestP95)} ms) at the same CPU; a likely cause, not isolated
  here, is the re-render of the live page each post sets off in the same process (the warm after
  invalidation) holding the event loop.
- **Reloading the live page itself** is what polling avoids: each post makes the page stale and
  re-rendered (${f(page.streamReadsPerSecond, 2)} stream reads/s: about one render per post) while ${f(page.rendersPerSecond)} answers/s
  were the stale copy; each answer is the whole page, which this machine's generator also had to
  decode (${f(page.generatorCpuPerSecond, 2)} CPU s/s), and with the other benchmark the cores were full:
  only ${f(page.answeredPerSecond)} of ${f(options.readers / (options.periodMs / 1000))} answers/s, ${page.cancelledAtEnd.toLocaleString('en')} requests still queued at the end. Read it as
  "worse", not as how much.`;
}

const ms = (x: number | null) => (x === null || Number.isNaN(x) ? '—' : `${f(x / 1000, 1)} s`);
const each = (xs: readonly number[], digits = 0) => xs.map((x) => f(x, digits)).join(' / ');

/** The cluster mode's section of docs/benchmarks.md: the tables and what limits them, from one run's figures. */
export function formatLiveCluster(result: LiveResult): string {
  const { options } = result;
  const row = (scenario: Scenario) => result.results.find((r) => r.scenario === scenario)!;
  const [article, endpoint, page] = [row('article-page'), row('live-endpoint'), row('live-page')];
  const load = result.loadAverage ? `load average ${f(result.loadAverage.start[0]!, 1)} at the start, ${f(result.loadAverage.end[0]!, 1)} at the end (\`uptime\`, 1 min)` : 'load not recorded';
  const instances = result.instances ?? 0;
  const main = result.results.map((r) => {
    const servers = r.servers ?? [];
    return `| ${NAMES[r.scenario]} (\`${r.target}\`) | ${f(r.answeredPerSecond)} | ${r.errors}${r.errors ? ` (${Object.entries(r.errorStatuses).map(([s, n]) => `${s === '0' ? 'none' : s}: ${n}`).join(', ')})` : ''} | ${f(servers.reduce((n, s) => n + s.requestsPerSecond, 0))} (${each(servers.map((s) => s.requestsPerSecond))}) | ${f(servers.reduce((n, s) => n + s.rendersPerSecond, 0), 2)} | ${f(r.streamReadsPerSecond, 2)} | ${f(r.cpuPerSecond, 2)} (${each(servers.map((s) => s.cpuPerSecond), 2)}; ${f(r.cpuPerSecond / article.cpuPerSecond, 2)}×) | ${f(r.frontCpuPerSecond ?? null, 2)} | ${f(r.generatorCpuPerSecond, 2)} | ${r.cancelledAtEnd.toLocaleString('en')} | ${f(r.requestP50)} / ${f(r.requestP95)} |`;
  });
  const routes = (endpoint.routes ?? []).map((route, i) => {
    const other = page.routes?.[i];
    return `| ${route.route} | ${route.readers.toLocaleString('en')} | ${ms(route.updateP50)} / **${ms(route.updateP95)}** (${route.updateSamples.toLocaleString('en')}) | ${f(route.requestP50)} / ${f(route.requestP95)} | ${other ? `${ms(other.updateP50)} / **${ms(other.updateP95)}** (${other.updateSamples.toLocaleString('en')})` : '—'} | ${other ? `${f(other.requestP50)} / ${f(other.requestP95)}` : '—'} |`;
  });
  const worst = Math.max(...(endpoint.routes ?? []).map((r) => r.updateP95 ?? Number.NaN));
  const worstPage = Math.max(...(page.routes ?? []).map((r) => r.updateP95 ?? Number.NaN));
  return `## Live coverage on ${instances} instances behind nginx: ${options.readers.toLocaleString('en')} readers every ${options.periodMs / 1000} s (\`BENCH_LIVE_CLUSTER=1 npx tsx bench/live.ts\`)

Run ${result.startedAt.slice(0, 16)}Z on ${result.cores} cores shared with other engineers (${load}): compare the rows and
the ways in, not the machine. \`npm run cluster\` as e2e/cluster.spec.ts starts it: ${instances} instances of the production
build, each its own copy, on PostgreSQL + Redis, Debian's nginx in front with deploy/nginx's configuration (pages kept for
their own s-maxage and purged by the instances on every write; a live page's polls kept one second; the rest of \`/api/\`
never), all on this machine with the load generator, ${f(article.seconds)} s per row. Half the readers ask through nginx, the other
half straight to one instance each (${Math.floor(options.readers / 2 / Math.max(1, instances)).toLocaleString('en')} or so per instance), each a timer with its own phase and \`after\`, over
${(options.agents * options.socketsPerAgent * (instances + 1)).toLocaleString('en')} keep-alive sockets, each way in its readers' share. In the two live rows the editor posts every
${options.periodMs / 1000} s through nginx (\`POST /api/newsroom/articles/{id}/live/post\`, whichever instance nginx picks). Requests, renders
(answers an instance marked MISS or STALE) and stream reads (SQL on \`live_posts\`) are counted inside each instance by
bench/live-probe.cjs; CPU from /proc, nginx's processes apart.

| readers ask | answered/s | errors | reached instances/s (each) | renders/s | stream reads/s | instances' CPU s/s (each; × article) | nginx CPU s/s | generator CPU s/s | still queued at end | request p50 / p95 ms |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${main.join('\n')}

Post → reader, from the post's 200 to each reader's first answer that holds it, by the way the reader came in
(readers with JavaScript poll the endpoint; without it they reload the page):

| way in | readers | endpoint polled: post → reader p50 / p95 (samples) | its request p50 / p95 ms | page reloaded: post → reader p50 / p95 (samples) | its request p50 / p95 ms |
| --- | ---: | ---: | ---: | ---: | ---: |
${routes.join('\n')}
| all | ${options.readers.toLocaleString('en')} | ${ms(endpoint.updateP50)} / **${ms(endpoint.updateP95)}** (${endpoint.updateSamples.toLocaleString('en')} over ${endpoint.posts} posts) | ${f(endpoint.requestP50)} / ${f(endpoint.requestP95)} | ${ms(page.updateP50)} / **${ms(page.updateP95)}** (${page.updateSamples.toLocaleString('en')} over ${page.posts} posts) | ${f(page.requestP50)} / ${f(page.requestP95)} |

Issue 17's bound, 10 s at p95 on every instance: the slowest way in had p95 ${ms(worst)} polling the endpoint (${worst < 10_000 ? 'met' : '**missed**'}) and
${ms(worstPage)} reloading the page (${worstPage < 10_000 ? 'met' : '**missed**'}).

${formatLiveClusterLimits(result)}`;
}

/** Every run's figures, kept (bench/results/ is not committed) so the section can be written again from them. */
export function saveLive(result: LiveResult, dir = 'bench/results'): string {
  return saveResult(result.instances ? 'live-cluster' : 'live', result.startedAt, result, dir);
}

/** Rewrites the live-coverage section of docs/benchmarks.md (the cluster mode's own section for a cluster run). */
export function writeLiveSection(result: LiveResult, file = 'docs/benchmarks.md'): string {
  const [name, section] = result.instances ? ['live-coverage-cluster', formatLiveCluster(result)] : ['live-coverage', formatLive(result)];
  fs.writeFileSync(file, replaceSection(fs.readFileSync(file, 'utf8'), name, section));
  return section;
}

/**
 * What nginx passed on to the instances, per second: from its access log;
 * for runs saved before it was counted there, everything that reached the
 * instances less what the readers who asked them directly had answered.
 */
function passedByFront(r: ScenarioResult): number {
  if (r.frontPassedPerSecond !== undefined && r.frontPassedPerSecond !== null) return r.frontPassedPerSecond;
  const reached = (r.servers ?? []).reduce((n, s) => n + s.askedPerSecond, 0);
  const direct = (r.routes ?? []).filter((route) => route.route !== 'nginx').reduce((n, route) => n + route.answeredPerSecond, 0);
  return Math.max(0, reached - direct);
}

/** "What limits it" under the cluster's tables, from the run's own figures. */
function formatLiveClusterLimits(result: LiveResult): string {
  const row = (scenario: Scenario) => result.results.find((r) => r.scenario === scenario)!;
  const [article, endpoint, page] = [row('article-page'), row('live-endpoint'), row('live-page')];
  const front = (r: ScenarioResult) => r.routes?.find((route) => route.route === 'nginx');
  const instances = result.instances ?? 0;
  const period = result.options.periodMs / 1000;
  return `What limits it:

- **The poll interval, not the instances.** A reader asks every ${period} s at its own phase, so a post waits a uniform
  0–${period} s for the next poll (p50 about ${period / 2} s); on top come the instance's one-second memo of the stream, nginx's
  one-second copy for readers through it, and the request's own time on a shared machine. No invalidation crosses
  instances for the endpoint: each instance reads the stream from PostgreSQL at most once a second (${f(endpoint.streamReadsPerSecond, 2)}
  stream reads/s on ${instances} instances, renders of the live page included), so an instance that did not take the post has it a second later.
- **nginx answers the polls.** Of the ${f(front(endpoint)?.answeredPerSecond ?? null)} polls/s through nginx, about ${f(passedByFront(endpoint), 1)}/s reached an instance: one
  per distinct \`after\` a second, not one per reader (the ordinary article through nginx: ${f(passedByFront(article), 1)}/s of ${f(front(article)?.answeredPerSecond ?? null)}). The readers
  who asked an instance directly stand for a site without a front cache: each of their polls runs the handler.
  The instances' CPU for the live rows against the article: ${f(endpoint.cpuPerSecond / article.cpuPerSecond, 2)}× polling, ${f(page.cpuPerSecond / article.cpuPerSecond, 2)}× reloading the page.
- **Reloading the page** (readers without JavaScript) goes the long way: the post invalidates the stream's tag,
  Redis carries it to the other instances (ADR 0024), each re-renders the page (${f(page.rendersPerSecond, 2)} MISS/STALE answers/s
  over the instances, a stale copy served while each renders) and purges nginx's copy (ADR 0025). Its p95 (${ms(page.updateP95)}) is
  the poll plus that re-render on a machine whose cores the other engineers' work shares; its requests (p50 ${f(page.requestP50)} ms)
  are the instances' renders and the generator decoding whole pages (${f(page.generatorCpuPerSecond, 2)} CPU s/s).
- **A CDN in front** keeping the endpoint its 5 s (\`s-maxage=5\`) would add up to 5 s more (poll + CDN + nginx + memo:
  12 s at worst); not measured here (ADR 0036).`;
}

const invokedDirectly = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  // BENCH_LIVE_FROM=<saved .json>: write the section again from a saved run, measuring nothing.
  const from = process.env.BENCH_LIVE_FROM;
  let result: LiveResult;
  if (from) {
    result = JSON.parse(fs.readFileSync(from, 'utf8')) as LiveResult;
  } else {
    if (!process.env.BENCH_SKIP_BUILD) execSync('npm run build', { stdio: 'inherit' });
    result = process.env.BENCH_LIVE_CLUSTER ? await measureLiveCluster(liveClusterOptionsFromEnv()) : await measureLive(liveOptionsFromEnv());
    console.log(`figures saved in ${saveLive(result)}`);
  }
  console.log(writeLiveSection(result));
}
