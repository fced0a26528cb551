/**
 * Live coverage under a crowd (issue 17, ADR 0036): 2,000 simulated readers
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
 */
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { deriveArticleId } from '../lib/content/ids';
import { DEMO_EDITOR } from '../lib/newsroom/startup';
import { demoArticles } from '../lib/seed/demo/articles';
import { BROWSER_HEADERS } from './day-load';
import { createDraft, draftBody, jsonHeaders, runCommand, signIn, type EditorSession } from './editor-client';
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
};

export type LiveResult = { startedAt: string; options: LiveOptions; cores: number; results: ScenarioResult[] };

const quantile = (xs: number[], q: number) => (xs.length === 0 ? Number.NaN : [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!);

type Answer = { status: number; body: () => string; cache: string | undefined; ms: number };

const DECODE: Record<string, (b: Buffer) => Buffer> = { gzip: zlib.gunzipSync, br: zlib.brotliDecompressSync, deflate: zlib.inflateSync };

/**
 * One GET as a browser sends it (compression accepted: a cached page is
 * held compressed, ADR 0030), timed from the call, so a wait for a free
 * socket counts. The body is decoded only when asked for. Every request
 * is in `inFlight` until it ends, so a scenario can cancel what it left.
 */
function get(agent: http.Agent, origin: string, urlPath: string, inFlight: Set<http.ClientRequest>): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve) => {
    const fail = () => resolve({ status: 0, body: () => '', cache: undefined, ms: performance.now() - started });
    const request = http.get(`${origin}${urlPath}`, { agent, headers: { ...BROWSER_HEADERS }, timeout: 30_000 }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (c: Buffer) => chunks.push(c));
      response.on('end', () => {
        inFlight.delete(request);
        const header = response.headers['x-nextjs-cache'];
        const raw = Buffer.concat(chunks);
        const decode = DECODE[String(response.headers['content-encoding'])];
        resolve({ status: response.statusCode ?? 0, body: () => (decode ? decode(raw) : raw).toString('utf8'), cache: Array.isArray(header) ? header.join(',') : header, ms: performance.now() - started });
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

/** Sums what every server process's probe wrote. */
function readProbe(dir: string): { requests: number; streamReads: number } {
  let requests = 0;
  let streamReads = 0;
  for (const file of fs.readdirSync(dir)) {
    const counts = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as { requests: Record<string, number>; streamReads: number };
    requests += counts.requests.liveApi! + counts.requests.articlePage!;
    streamReads += counts.streamReads;
  }
  return { requests, streamReads };
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

type RunContext = { origin: string; pid: number; probeDir: string; session: EditorSession; options: LiveOptions };

/**
 * One scenario: every reader asks `target(reader)` once per period at its
 * own phase; with `liveId`, an editor posts every period, and each reader's
 * answers are searched for the posts it has not seen yet.
 */
async function runScenario(scenario: Scenario, ctx: RunContext, liveId: string | null, firstAfter: string | null, articlePath: string): Promise<ScenarioResult> {
  const { options } = ctx;
  const agents = Array.from({ length: options.agents }, () => new http.Agent({ keepAlive: true, maxSockets: options.socketsPerAgent }));
  const readers = Array.from({ length: options.readers }, (_, i) => ({ i, after: firstAfter, seen: new Set<string>() }));
  const posts: { id: string; marker: string; at: number }[] = [];
  const updates: number[] = [];
  const latencies: number[] = [];
  const windows = new Map<number, Set<string>>();
  const caches: Record<string, number> = {};
  let answered = 0;
  let errors = 0;
  const errorStatuses: Record<string, number> = {};
  let running = true;
  const inFlight = new Set<http.ClientRequest>();

  const target = (reader: (typeof readers)[number]) =>
    scenario === 'live-endpoint' ? `/api/live/${liveId}?after=${encodeURIComponent(reader.after!)}` : scenario === 'live-page' ? `/articles/${liveId}` : articlePath;

  const started = performance.now();
  const probeBefore = readProbe(ctx.probeDir);
  const cpuBefore = cpuSeconds(ctx.pid);
  const generatorBefore = process.cpuUsage();
  const end = started + options.seconds * 1000;

  const poll = async (reader: (typeof readers)[number]) => {
    const urlPath = target(reader);
    const window = Math.floor((performance.now() - started) / options.periodMs);
    let set = windows.get(window);
    if (!set) windows.set(window, (set = new Set()));
    set.add(urlPath);
    const answer = await get(agents[reader.i % agents.length]!, ctx.origin, urlPath, inFlight);
    const at = performance.now();
    if (!running) return;
    latencies.push(answer.ms);
    if (answer.status !== 200) {
      errors += 1;
      errorStatuses[answer.status] = (errorStatuses[answer.status] ?? 0) + 1;
      return;
    }
    answered += 1;
    if (scenario !== 'live-endpoint') caches[answer.cache ?? 'none'] = (caches[answer.cache ?? 'none'] ?? 0) + 1;
    if (!liveId) return;
    if (scenario === 'live-endpoint') {
      const update = JSON.parse(answer.body()) as { posts: { id: string }[] };
      if (update.posts.length > 0) reader.after = update.posts[0]!.id;
      for (const p of update.posts) arrive(reader, p.id, at);
    } else if (posts.some((p) => !reader.seen.has(p.id))) {
      const html = answer.body();
      for (const p of posts) if (!reader.seen.has(p.id) && html.includes(p.marker)) arrive(reader, p.id, at);
    }
  };
  const arrive = (reader: (typeof readers)[number], postId: string, at: number) => {
    if (reader.seen.has(postId)) return;
    reader.seen.add(postId);
    const p = posts.find((x) => x.id === postId);
    // Only posts of this run that returned 200 before this answer count (an answer can race the post's own 200).
    if (p && at >= p.at) updates.push(at - p.at);
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
  const cpu = cpuSeconds(ctx.pid) - cpuBefore;
  const generator = process.cpuUsage(generatorBefore);
  // What is still queued or in flight is cancelled, not carried into the next scenario.
  const left = inFlight.size;
  for (const request of inFlight) request.destroy();
  for (const agent of agents) agent.destroy();
  await new Promise((r) => setTimeout(r, 600));
  const probeAfter = readProbe(ctx.probeDir);
  await waitForIdle(ctx.pid);
  const full = [...windows.entries()].filter(([w]) => (w + 1) * options.periodMs <= seconds * 1000);
  const renders = (caches.MISS ?? 0) + (caches.STALE ?? 0);
  return {
    scenario,
    target: scenario === 'live-endpoint' ? `/api/live/{id}?after=…` : scenario === 'live-page' ? '/articles/{live id}' : '/articles/{id}',
    seconds,
    answeredPerSecond: answered / seconds,
    errors,
    errorStatuses,
    serverRequestsPerSecond: (probeAfter.requests - probeBefore.requests) / seconds,
    streamReadsPerSecond: (probeAfter.streamReads - probeBefore.streamReads) / seconds,
    rendersPerSecond: scenario === 'live-endpoint' ? null : renders / seconds,
    distinctPerSecond: full.reduce((n, [, s]) => n + s.size, 0) / Math.max(1, full.length) / (options.periodMs / 1000),
    cpuPerSecond: cpu / seconds,
    generatorCpuPerSecond: (generator.user + generator.system) / 1e6 / seconds,
    cancelledAtEnd: left,
    cpuMsPerRequest: (cpu * 1000) / Math.max(1, answered),
    requestP50: quantile(latencies, 0.5),
    requestP95: quantile(latencies, 0.95),
    updateP50: liveId ? quantile(updates, 0.5) : null,
    updateP95: liveId ? quantile(updates, 0.95) : null,
    updateSamples: updates.length,
    posts: posts.length,
  };
}

/** The three scenarios on one production server of their own (copy of the build, fresh demo data). */
export async function measureLive(options: LiveOptions): Promise<LiveResult> {
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
    const article = demoArticles.find((a) => !a.status && !a.body.includes('::pagebreak'))!;
    const articlePath = `/articles/${deriveArticleId(article.key)}`;
    // Both pages rendered and cached before anyone counts.
    for (const p of [articlePath, `/articles/${liveId}`, articlePath, `/articles/${liveId}`]) await fetch(origin + p);
    const first = (await (await fetch(`${origin}/api/live/${liveId}?after=1970-01-01T00:00:00Z`)).json()) as { posts: { id: string }[] };
    const ctx: RunContext = { origin, pid, probeDir, session, options };
    const results: ScenarioResult[] = [];
    results.push(await runScenario('article-page', ctx, null, null, articlePath));
    results.push(await runScenario('live-endpoint', ctx, liveId, first.posts[0]!.id, articlePath));
    results.push(await runScenario('live-page', ctx, liveId, null, articlePath));
    return { startedAt: new Date().toISOString(), options, cores: os.cpus().length, results };
  } finally {
    await stopServer(child, 30_000);
    cleanUp();
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

/** Every run's figures, kept (bench/results/ is not committed) so the section can be written again from them. */
export function saveLive(result: LiveResult, dir = 'bench/results'): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `live-${result.startedAt.replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
  return file;
}

/** Rewrites the live-coverage section of docs/benchmarks.md. */
export function writeLiveSection(result: LiveResult, file = 'docs/benchmarks.md'): string {
  const section = formatLive(result);
  fs.writeFileSync(file, replaceSection(fs.readFileSync(file, 'utf8'), 'live-coverage', section));
  return section;
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
    result = await measureLive(liveOptionsFromEnv());
    console.log(`figures saved in ${saveLive(result)}`);
  }
  console.log(writeLiveSection(result));
}
