// `npx tsx bench/newsroom-day.ts` (and a section of `npm run bench`): a
// newsroom's day against the production build, in one run so the figures
// can be compared as ratios on a shared machine:
//   1. a crawler fetches every article once, nothing cached yet, and Ghost 5's
//      post page (which it renders on every request) is measured beside it;
//   2. one hot cached article, the reference for readers;
//   3. readers spread over all articles by a Zipf law, plus the home and
//      section pages: quiet, then while an editor publishes a story every 15 s
//      through the newsroom's HTTP API.
// Only the HTTP API, `npm run seed` and `npm run newsroom:add-editor` are
// used: nothing here depends on how the product caches or tags its pages.
// Writes its section of docs/benchmarks.md.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { BROWSER_HEADERS, Phase, parseSitemap, readerPicker, runLoad, zipfSampler, type PhaseResult, type ReaderMix, type Target } from './day-load';
import { addEditor, createDraft, draftBody, runCommand, signIn, type EditorSession } from './editor-client';
import { startGhost, type GhostOptions, type RunningGhost } from './ghost-peer';
import { seedDataDir, type SeededData } from './scale';
import { replaceSection } from './sections';
import { prepareAppCopy, requireServerPid, startServer, stopServerOnPort, waitForIdle } from './server';

export type DayOptions = {
  /** Generated articles on top of the demo (`npm run seed -- --articles N`). */
  articles: number;
  port: number;
  connections: number;
  /** Seconds of each readers phase (quiet, publishing). */
  readerSeconds: number;
  /** Seconds of the hot-article reference, half before the readers and half after. */
  hotSeconds: number;
  /** Seconds of Ghost, half before the crawl and half after. */
  ghostSeconds: number;
  /** Seconds between two stories in the publishing phase. */
  publishEverySeconds: number;
  /** Seconds a reader (and the hot-article reference) waits for an answer before it counts as a timeout. */
  timeoutSeconds: number;
  /**
   * The same for the crawler and Ghost. Each of 50 connections waits for a
   * render behind the other 49, seconds on a busy machine; autocannon drops a
   * request it times out while the server still renders it, unseen, so a
   * reader's 10 s here turns the crawl into a spiral of wasted renders
   * (2026-12-04: 3,341 timeouts of 10,066 requests).
   */
  crawlTimeoutSeconds: number;
  /** Exponent of the readers' Zipf law over articles (1: the n-th most read gets 1/n of the first's readers). */
  zipfExponent: number;
  homeShare: number;
  sectionShare: number;
  /** Seeded databases kept between runs. */
  cacheRoot: string;
  ghost: GhostOptions;
};

const numberFromEnv = (name: string, fallback: number) => {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name}=${value} is not a number`);
  return n;
};

/** The defaults, each overridable by its environment variable (docs/benchmarks.md, How to reproduce). */
export function dayOptionsFromEnv(): DayOptions {
  return {
    articles: numberFromEnv('BENCH_DAY_ARTICLES', 10_000),
    port: numberFromEnv('BENCH_DAY_PORT', 3600),
    connections: numberFromEnv('BENCH_DAY_CONNECTIONS', 50),
    readerSeconds: numberFromEnv('BENCH_DAY_SECONDS', 60),
    hotSeconds: numberFromEnv('BENCH_DAY_HOT_SECONDS', 30),
    ghostSeconds: numberFromEnv('BENCH_DAY_GHOST_SECONDS', 30),
    publishEverySeconds: numberFromEnv('BENCH_DAY_PUBLISH_EVERY', 15),
    timeoutSeconds: numberFromEnv('BENCH_DAY_TIMEOUT', 10),
    crawlTimeoutSeconds: numberFromEnv('BENCH_DAY_CRAWL_TIMEOUT', 120),
    zipfExponent: numberFromEnv('BENCH_DAY_ZIPF', 1),
    homeShare: 0.1,
    sectionShare: 0.05,
    cacheRoot: path.resolve('.bench-data'),
    ghost: {
      script: process.env.BENCH_GHOST_SCRIPT ?? '/work/shared/peers/ghost.sh',
      root: process.env.BENCH_GHOST_ROOT ?? '/tmp/peers/ghost',
    },
  };
}

/** A story the editor published: its path, the draft (create + save) and publish requests' times, and what one request for it got after the phase. */
export type Publication = { path: string; draftMs: number; publishMs: number; afterPhase: { status: number; cache: string } | null };

export type DayResult = {
  options: DayOptions;
  startedAt: string;
  minutes: number;
  seed: SeededData;
  /** Public articles the sitemaps list (the crawl's list). */
  articles: number;
  sections: number;
  hotPath: string;
  crawl: PhaseResult;
  ghost: PhaseResult | null;
  /**
   * Next.js's empty page (/baseline: the root layout and one paragraph, rendered on every
   * request) on the same server, half before the crawl and half after: the floor under any
   * first render on this framework, to set beside Ghost's.
   * Absent from runs saved before 2026-12-05 22:00.
   */
  emptyPage?: PhaseResult;
  /** Why Ghost is missing, when it is. */
  ghostNote: string | null;
  hot: PhaseResult;
  quiet: PhaseResult;
  publishing: PhaseResult;
  publications: Publication[];
  editorFailures: string[];
  signInMs: number;
  loadAverage: number[];
  /** The checkout's commit (the product changes under the bench; the figures belong to this build). */
  commit: string;
};

function currentCommit(): string {
  try {
    const sha = execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
    return execSync('git status --porcelain --untracked-files=no', { encoding: 'utf8' }).trim() ? `${sha} with local changes` : sha;
  } catch {
    return 'unknown';
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

/** What the crawler and readers can find, read from the sitemaps as a crawler would. */
async function discover(origin: string): Promise<{ articles: string[]; sections: string[]; tags: string[] }> {
  const get = async (p: string) => {
    const response = await fetch(origin + p);
    if (!response.ok) throw new Error(`${p} answered ${response.status}`);
    return response.text();
  };
  const children = parseSitemap(await get('/sitemap.xml')).map((e) => e.path);
  const entries = new Map<string, string | null>();
  for (const child of children) {
    for (const e of parseSitemap(await get(child))) if (!entries.has(e.path)) entries.set(e.path, e.lastmod);
  }
  const paths = [...entries.keys()];
  const articles = paths.filter((p) => /^\/articles\/[^/]+$/.test(p));
  // Most read first: the most recently updated (a stable sort keeps sitemap order among equals).
  const popular = [...articles].sort((a, b) => (entries.get(b) ?? '').localeCompare(entries.get(a) ?? ''));
  return {
    articles: popular,
    sections: paths.filter((p) => /^\/sections\/[^/]+$/.test(p)),
    tags: paths.filter((p) => /^\/tags\/[^/]+$/.test(p)),
  };
}

const STORY_BODY = [
  '市の担当者によると、新しい計画は来月から段階的に始まる。',
  '## 背景',
  '住民説明会では、費用の分担や工事期間中の交通への影響について質問が相次いだ。',
  '担当者は「できるだけ早く詳しい日程を示したい」と話した。',
].join('\n\n');

/**
 * The editor of the publishing phase: from now, a story every
 * `everyMs` until `endAt`, each created, saved and published over HTTP;
 * `onPublished` hands its path to the readers.
 */
async function publishStories(
  session: EditorSession,
  { everyMs, endAt, sections, tags, onPublished, origin }: { everyMs: number; endAt: number; sections: string[]; tags: string[]; onPublished: (p: string) => void; origin: string },
): Promise<{ publications: Publication[]; failures: string[] }> {
  const publications: Publication[] = [];
  const failures: string[] = [];
  const start = performance.now();
  for (let i = 0; start + i * everyMs < endAt; i++) {
    await sleep(start + i * everyMs - performance.now());
    const section = sections[i % sections.length]!.split('/').pop()!;
    const tag = tags.length > 0 ? [tags[i % tags.length]!.split('/').pop()!] : [];
    const headline = `ニュースルームの一日 第${i + 1}報(${new Date().toISOString().slice(11, 19)})`;
    try {
      const t0 = performance.now();
      const { id, revision } = await createDraft(session, draftBody({ headline, standfirst: 'ベンチマークの編集者が公開した記事。', body: STORY_BODY, section, tags: tag }));
      const t1 = performance.now();
      const published = await runCommand(session, id, 'publish', { baseRevision: revision });
      const t2 = performance.now();
      if (published.status !== 200) throw new Error(`publish answered ${published.status}: ${published.error}`);
      const storyPath = `/articles/${id}`;
      onPublished(storyPath);
      publications.push({ path: storyPath, draftMs: t1 - t0, publishMs: t2 - t1, afterPhase: null });
      console.log(`  published ${storyPath} in ${section}: draft ${(t1 - t0).toFixed(0)} ms, publish ${(t2 - t1).toFixed(0)} ms`);
    } catch (error) {
      failures.push((error as Error).message);
      console.warn(`  editor: ${(error as Error).message}`);
    }
  }
  // What one more request for each new story gets once the phase is over (untimed): is it cached?
  for (const p of publications) {
    const response = await fetch(origin + p.path);
    await response.arrayBuffer();
    p.afterPhase = { status: response.status, cache: response.headers.get('x-nextjs-cache') ?? 'none' };
  }
  return { publications, failures };
}

function logPhase(r: PhaseResult): void {
  const cache = Object.entries(r.cache)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  const cpu = r.cpu ? ` cpu server ${r.cpu.server.toFixed(2)} gen ${r.cpu.generator.toFixed(2)} others ${r.cpu.others.toFixed(2)}` : '';
  console.log(
    `${r.name.padEnd(34)} ${r.rps.toFixed(1)} pages/s over ${r.seconds.toFixed(0)} s, p50 ${r.p50} ms p99 ${r.p99} ms, non-2xx ${r.errors.non2xx} timeouts ${r.errors.timeouts} conn ${r.errors.connection}; ${cache};${cpu}`,
  );
}

/** The whole day, start to finish: seeds, starts and stops its own servers (Ghost only when it is installed). */
export async function measureNewsroomDay(options: DayOptions): Promise<DayResult> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const commit = currentCommit();
  const { port, connections, timeoutSeconds, crawlTimeoutSeconds } = options;
  const origin = `http://127.0.0.1:${port}`;
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiji-day-'));
  const cleanUp = () => fs.rmSync(workDir, { recursive: true, force: true });
  process.on('exit', cleanUp);
  // Its own copy of the build: its page cache starts empty and is no other server's.
  const app = prepareAppCopy(path.join(workDir, 'app'));
  const seed = seedDataDir(path.join(workDir, 'data'), options.articles, { cacheRoot: options.cacheRoot });
  console.log(`newsroom day: ${options.articles} generated articles${seed.cachedFrom ? ` (copied from ${seed.cachedFrom})` : ''}`);
  // The bench publishes, schedules and corrects: a デスク's work (ADR 0032).
  const editor = addEditor(seed.dataDir, 'bench-day', 'ベンチ 編集者', 'デスク');

  // BENCH_DAY_SERVER_LOG=<file>: the server's output kept there, with a line for each collection that paused it for 20 ms or more (bench/gc-log.cjs).
  const serverLog = process.env.BENCH_DAY_SERVER_LOG;
  const gcLog = path.join(path.dirname(fileURLToPath(import.meta.url)), 'gc-log.cjs');
  const serverEnv = {
    KIJI_DATA_DIR: seed.dataDir,
    SITE_URL: origin,
    NEXT_TELEMETRY_DISABLED: '1',
    ...(serverLog ? { NODE_OPTIONS: `--require ${gcLog} ${process.env.NODE_OPTIONS ?? ''}`.trim() } : {}),
  };
  const server = await startServer(serverEnv, port, {
    cwd: app,
    ...(serverLog ? { stdout: fs.openSync(serverLog, 'w') } : {}),
  });
  let ghost: RunningGhost | null = null;
  try {
    const pid = requireServerPid(port);
    const site = await discover(origin);
    console.log(`sitemaps: ${site.articles.length} articles, ${site.sections.length} sections, ${site.tags.length} tags`);
    if (site.articles.length < options.articles) throw new Error(`the sitemaps list ${site.articles.length} articles, fewer than the ${options.articles} seeded`);
    if (site.sections.length === 0) throw new Error('the sitemaps list no section page');

    // 1. The crawl, with Ghost measured in two halves around it.
    let ghostNote: string | null = null;
    const ghostPhase = new Phase('Ghost 5 post page', connections);
    const ghostStart = await startGhost(options.ghost);
    if ('skipped' in ghostStart) {
      ghostNote = ghostStart.skipped;
      console.log(`Ghost skipped: ${ghostNote}`);
    } else {
      ghost = ghostStart.ghost;
    }
    const emptyPhase = new Phase('Next.js empty page', connections);
    const ghostLoad = async () => {
      await runLoad(emptyPhase, { headers: BROWSER_HEADERS, origin, next: () => ({ path: '/baseline', kind: 'empty page' }), seconds: options.ghostSeconds / 2, timeoutSeconds: crawlTimeoutSeconds, serverPid: pid });
      await waitForIdle(pid);
      if (!ghost) return;
      await runLoad(ghostPhase, { headers: BROWSER_HEADERS, origin: ghost.origin, next: () => ({ path: ghost!.postPath, kind: 'ghost post' }), seconds: options.ghostSeconds / 2, timeoutSeconds: crawlTimeoutSeconds, serverPid: ghost.pid });
      await waitForIdle(ghost.pid);
    };
    if (ghost) {
      // Warm-up (templates compiled, JIT), not counted.
      await runLoad(new Phase('warm-up', connections), { origin: ghost.origin, next: () => ({ path: ghost!.postPath, kind: 'ghost post' }), seconds: 5, timeoutSeconds: crawlTimeoutSeconds });
      await waitForIdle(ghost.pid);
    }
    await ghostLoad();
    let nextArticle = 0;
    const crawl = await runLoad(new Phase('crawl', connections), {
      headers: BROWSER_HEADERS,
      origin,
      next: () => ({ path: site.articles[nextArticle++ % site.articles.length]!, kind: 'article' }),
      amount: site.articles.length,
      timeoutSeconds: crawlTimeoutSeconds,
      serverPid: pid,
    });
    await waitForIdle(pid);
    await ghostLoad();
    if (ghost) {
      await ghost.stop();
      ghost = null;
    }
    const crawlResult = crawl.result();
    logPhase(crawlResult);
    const ghostResult = ghostPhase.count > 0 ? ghostPhase.result() : null;
    if (ghostResult) logPhase(ghostResult);
    const emptyPage = emptyPhase.result();
    logPhase(emptyPage);

    // 2. Readers: the home and section pages once (cached as a reader finds them), the editor signed in.
    for (const p of ['/', ...site.sections]) await (await fetch(origin + p)).arrayBuffer();
    const { session, ms: signInMs } = await signIn(origin, editor.login, editor.password);
    await waitForIdle(pid);
    const hotPath = site.articles[0]!;
    const hot = new Phase('single hot article', connections);
    const hotLoad = async () => {
      await runLoad(hot, { headers: BROWSER_HEADERS, origin, next: () => ({ path: hotPath, kind: 'article' }), seconds: options.hotSeconds / 2, timeoutSeconds, serverPid: pid });
      await waitForIdle(pid);
    };
    await hotLoad();

    const mix: ReaderMix = {
      articles: [...site.articles],
      home: '/',
      sections: site.sections,
      homeShare: options.homeShare,
      sectionShare: options.sectionShare,
      fresh: new Set(),
    };
    const pick: () => Target = readerPicker(mix, zipfSampler(site.articles.length, options.zipfExponent));
    const quiet = await runLoad(new Phase('readers, quiet', connections), { headers: BROWSER_HEADERS, origin, next: pick, seconds: options.readerSeconds, timeoutSeconds, serverPid: pid });
    logPhase(quiet.result());
    await waitForIdle(pid);

    const publishingPhase = new Phase('readers, editor publishing', connections);
    const [publishing, editorRun] = await Promise.all([
      runLoad(publishingPhase, { headers: BROWSER_HEADERS, origin, next: pick, seconds: options.readerSeconds, timeoutSeconds, serverPid: pid }),
      publishStories(session, {
        everyMs: options.publishEverySeconds * 1000,
        endAt: performance.now() + options.readerSeconds * 1000,
        sections: site.sections,
        tags: site.tags,
        origin,
        // A new story is the most read: it takes rank 1 and every article moves down one.
        onPublished: (p) => {
          mix.fresh!.add(p);
          mix.articles.unshift(p);
        },
      }),
    ]);
    logPhase(publishing.result());
    await waitForIdle(pid);
    await hotLoad();
    logPhase(hot.result());

    return {
      options,
      startedAt,
      minutes: (performance.now() - started) / 60_000,
      seed,
      articles: site.articles.length,
      sections: site.sections.length,
      hotPath,
      crawl: crawlResult,
      ghost: ghostResult,
      emptyPage,
      ghostNote,
      hot: hot.result(),
      quiet: quiet.result(),
      publishing: publishing.result(),
      publications: editorRun.publications,
      editorFailures: editorRun.failures,
      signInMs,
      loadAverage: os.loadavg(),
      commit,
    };
  } finally {
    if (ghost) await ghost.stop();
    await stopServerOnPort(port, server);
    cleanUp();
  }
}

const fmt0 = (n: number) => Math.round(n).toLocaleString('en');
const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : '—');
const met = (ok: boolean) => (ok ? 'met' : '**missed**');

function cacheMix(cache: Record<string, number>): { hit: number; stale: number; miss: number; other: string } {
  const { HIT = 0, STALE = 0, MISS = 0, ...rest } = cache;
  return { hit: HIT, stale: STALE, miss: MISS, other: Object.entries(rest).map(([k, v]) => `${k} ${v}`).join(', ') || '0' };
}

const errorsOf = (r: PhaseResult) => r.errors.non2xx + r.errors.timeouts + r.errors.connection;

/** The section of docs/benchmarks.md for a day's result. */
export function formatNewsroomDay(day: DayResult): string {
  const o = day.options;
  const ref = day.hot.rps;
  type Row = { r: PhaseResult; what: string; vs: string; p99Target: boolean };
  const ghostRatio = day.ghost ? day.crawl.rps / day.ghost.rps : null;
  // The same ratio from server CPU per page (reference ÷ phase): what a core can serve of each, the figure least moved by other work on the machine.
  const cpuRatio = (r: PhaseResult, reference: PhaseResult | null) =>
    reference?.serverCpuMsPerRequest && r.serverCpuMsPerRequest ? ` (CPU: ${(reference.serverCpuMsPerRequest / r.serverCpuMsPerRequest).toFixed(2)})` : '';
  const rows: Row[] = [
    {
      r: day.crawl,
      what: `every article once (${fmt0(day.articles)}; ${fmt0(day.crawl.requests)} answered), sitemap order, none cached before`,
      vs: ghostRatio === null ? 'Ghost not measured' : `**${ghostRatio.toFixed(2)}** × Ghost${cpuRatio(day.crawl, day.ghost)} (≥ 2: ${met(ghostRatio >= 2)})`,
      p99Target: false,
    },
    ...(day.ghost
      ? [{ r: day.ghost, what: '`/post-001/`, rendered on every request; half before the crawl, half after', vs: '1.00', p99Target: false }]
      : []),
    ...(day.emptyPage
      ? [
          {
            r: day.emptyPage,
            what: "Next.js's empty page (`/baseline`: the root layout and one paragraph, rendered on every request), the same server; half before the crawl, half after",
            vs: day.ghost ? `${ratio(day.emptyPage.rps, day.ghost.rps)} × Ghost${cpuRatio(day.emptyPage, day.ghost)}` : '—',
            p99Target: false,
          },
        ]
      : []),
    { r: day.hot, what: `\`/articles/{id}\`, the most read article, every request; half before the readers, half after`, vs: '1.00 (reference)', p99Target: true },
    {
      r: day.quiet,
      what: `readers: articles by Zipf (s = ${o.zipfExponent}) ${Math.round((1 - o.homeShare - o.sectionShare) * 100)} %, home ${Math.round(o.homeShare * 100)} %, ${day.sections} section pages ${Math.round(o.sectionShare * 100)} %`,
      vs: `**${ratio(day.quiet.rps, ref)}** × hot${cpuRatio(day.quiet, day.hot)} (≥ 0.8: ${met(day.quiet.rps >= 0.8 * ref)})`,
      p99Target: true,
    },
    {
      r: day.publishing,
      what: `the same readers while an editor publishes a story every ${o.publishEverySeconds} s (${day.publications.length} stories)`,
      vs: `**${ratio(day.publishing.rps, ref)}** × hot${cpuRatio(day.publishing, day.hot)} (≥ 0.7: ${met(day.publishing.rps >= 0.7 * ref)})`,
      p99Target: true,
    },
  ];
  const table = rows
    .map(({ r, what, vs, p99Target }) => {
      const c = cacheMix(r.cache);
      const p99 = p99Target ? `${fmt0(r.p99)} (${met(r.p99 < 1000)})` : fmt0(r.p99);
      const errors = errorsOf(r);
      const cpu = r.cpu ? `${r.cpu.server.toFixed(2)} / ${r.cpu.generator.toFixed(2)} / ${r.cpu.others.toFixed(2)}` : '—';
      return `| ${r.name} | ${what} | ${r.seconds.toFixed(0)} | **${r.rps.toFixed(1)}** | ${vs} | ${fmt0(r.p50)} | ${p99} | ${r.errors.non2xx} / ${r.errors.timeouts} / ${r.errors.connection}${r.name.startsWith('Ghost') ? '' : ` (${met(errors === 0)})`} | ${c.hit} / ${c.stale} / ${c.miss} / ${c.other} | ${r.serverCpuMsPerRequest?.toFixed(1) ?? '—'} | ${cpu} |`;
    })
    .join('\n');
  const kinds = [day.quiet, day.publishing]
    .flatMap((r) =>
      Object.entries(r.byKind).map(([kind, k]) => {
        const c = cacheMix(k.cache);
        return `| ${r.name} | ${kind} | ${k.requests} | ${fmt0(k.p50)} | ${fmt0(k.p99)} | ${k.non2xx} | ${c.hit} / ${c.stale} / ${c.miss} / ${c.other} |`;
      }),
    )
    .join('\n');
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
  const pubs = day.publications;
  const statuses = (r: PhaseResult) => Object.entries(r.statuses).map(([k, v]) => `${k} × ${v}`).join(', ');
  const otherStatuses = [day.crawl, day.hot, day.quiet, day.publishing].filter((r) => Object.keys(r.statuses).length > 0);

  return `## A newsroom day: crawl, readers and an editor (\`npx tsx bench/newsroom-day.ts\`)

Run ${day.startedAt.slice(0, 16).replace('T', ' ')} UTC, build of commit ${day.commit}, on ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}; ${day.minutes.toFixed(0)} minutes in all, load average ${day.loadAverage.map((l) => l.toFixed(1)).join(' / ')} at the end.
One server (\`npm start\`, production build, its own copy of \`.next\`, SQLite) on the demo plus
${fmt0(o.articles)} generated articles (\`npm run seed -- --articles ${o.articles}\`${day.seed.cachedFrom ? `, copied from \`${path.relative(process.cwd(), day.seed.cachedFrom)}\`` : ''}):
${fmt0(day.articles)} articles in its sitemaps, which is where the crawler and the readers find them.
Every phase runs ${o.connections} connections of autocannon, each sending its next request when the last is
answered, and asking as a phone's browser does (\`accept-encoding: gzip, deflate, br\`: every page is sent compressed; runs before 2026-12-05 06:50 asked for no compression); pages/s counts answers. A reader gives up after ${o.timeoutSeconds} s, the crawler (and Ghost's load) after ${o.crawlTimeoutSeconds} s. The last columns are CPU in cores over the
phase, read from \`/proc\`: the server (the process on the port), the load generator (this process), and
everything else on the machine (other people's work: the noise this run shared the machine with).
"CPU" beside a ratio is the same ratio from the server's CPU milliseconds per page.

| phase | what is requested | s | pages/s | ratio (target) | p50 ms | p99 ms (target < 1,000) | errors: non-2xx / timeouts / connection (target 0) | x-nextjs-cache HIT / STALE / MISS / other | server CPU ms per page | CPU cores: server / load generator / others |
| --- | --- | ---: | ---: | --- | ---: | ---: | --- | --- | ---: | --- |
${table}

${
  day.ghost
    ? `Ghost 5.130.4 (the peer install of \`${o.ghost.script}\`, production mode, SQLite) served its post page on the same machine with the same load generator and connections; it has no page cache, so its pages/s is its render cost, set beside Kiji's first render of every article.`
    : `Ghost was not measured: ${day.ghostNote}.`
}${otherStatuses.length > 0 ? ` Statuses other than 200: ${otherStatuses.map((r) => `${r.name}: ${statuses(r)}`).join('; ')}.` : ''}

Readers by kind of page (articles: the sitemaps' ${fmt0(day.articles)}, most recently updated most read; a
story published during the phase takes rank 1 at once and is counted as "new story"):

| phase | page | requests | p50 ms | p99 ms | non-2xx | HIT / STALE / MISS / other |
| --- | --- | ---: | ---: | ---: | ---: | --- |
${kinds}

The editor (\`npm run newsroom:add-editor\`, signed in over HTTP in ${day.signInMs.toFixed(0)} ms) published
${pubs.length} stories (create + save, then publish, over \`/api/newsroom/articles\`):
draft median ${median(pubs.map((p) => p.draftMs)).toFixed(0)} ms, publish median ${median(pubs.map((p) => p.publishMs)).toFixed(0)} ms and
slowest ${Math.max(0, ...pubs.map((p) => p.publishMs)).toFixed(0)} ms${day.editorFailures.length > 0 ? `; failures: ${day.editorFailures.join('; ')}` : ''}. Each new story, requested once after the phase:
${pubs.map((p) => `${p.afterPhase?.status ?? '—'} ${p.afterPhase?.cache ?? ''}`.trim()).join(', ') || 'none'}.

${renderCheck(day)}

${slowCheck(day)}

${readWhatLimitsIt()}

Reproduce: \`npx tsx bench/newsroom-day.ts\` (builds first unless \`BENCH_SKIP_BUILD=1\`; \`npm run bench\`
runs it last, \`BENCH_SKIP_DAY=1\` leaves it out). Settings: \`BENCH_DAY_ARTICLES\` (10,000),
\`BENCH_DAY_SECONDS\` (60, each readers phase), \`BENCH_DAY_HOT_SECONDS\` (30), \`BENCH_DAY_GHOST_SECONDS\` (30),
\`BENCH_DAY_PUBLISH_EVERY\` (15), \`BENCH_DAY_CONNECTIONS\` (50), \`BENCH_DAY_PORT\` (3600), \`BENCH_DAY_ZIPF\` (1),
\`BENCH_DAY_TIMEOUT\` (10), \`BENCH_DAY_CRAWL_TIMEOUT\` (120), \`BENCH_DAY_SERVER_LOG\` (a file for the server's output and its collector pauses; none); each run's figures are kept in \`bench/results/\`, and
\`BENCH_DAY_FROM=<that .json>\` writes this section again from them without measuring. Ghost from \`BENCH_GHOST_ROOT\` (\`/tmp/peers/ghost\`, where \`ghost.sh\` installs
by default) with \`BENCH_GHOST_SCRIPT\` (\`/work/shared/peers/ghost.sh\`). A quick run:
\`BENCH_SKIP_BUILD=1 BENCH_DAY_ARTICLES=2000 BENCH_DAY_SECONDS=20 npx tsx bench/newsroom-day.ts\`.`;
}

/**
 * Whether the readers' server CPU is what their re-renders predict: every
 * STALE or MISS answer starting one render at the crawl's CPU per render,
 * on top of a cache hit at the hot article's CPU per answer.
 */
function renderCheck(day: DayResult): string {
  const render = day.crawl.serverCpuMsPerRequest;
  const hit = day.hot.serverCpuMsPerRequest;
  if (render === null || hit === null) return '';
  const predict = (r: PhaseResult) => hit + (((r.cache.STALE ?? 0) + (r.cache.MISS ?? 0)) / Math.max(1, r.requests)) * render;
  const line = (r: PhaseResult) =>
    `${r.name}: ${(100 * ((r.cache.STALE ?? 0) + (r.cache.MISS ?? 0)) / Math.max(1, r.requests)).toFixed(0)} % STALE or MISS, predicted ${predict(r).toFixed(1)} ms, measured ${r.serverCpuMsPerRequest?.toFixed(1) ?? '—'} ms`;
  return `Where the readers' server CPU goes: if every STALE or MISS answer started one render (the crawl's ${render.toFixed(1)} ms each) on top of a hit (the hot article's ${hit.toFixed(1)} ms), a reader's page would cost ${[day.quiet, day.publishing].map(line).join('; ')}. The prediction is an upper bound: a page read again while it renders is STALE again without a second render.`;
}

/** Whether the readers' slowest answers came in a few crowded seconds (stalls) or spread over the phase. */
function slowCheck(day: DayResult): string {
  const line = (r: PhaseResult) => {
    const s = r.slow;
    if (!s || s.count === 0) return `${r.name}: none`;
    const kinds = Object.entries(s.byKind).map(([kind, n]) => `${kind} ${n}`).join(', ');
    return `${r.name}: ${s.count} (${kinds}), arriving in ${s.distinctSeconds} distinct seconds of ${r.seconds.toFixed(0)}, at most ${s.busiestSecondCount} in one`;
  };
  return `Answers of a second or more: ${[day.quiet, day.publishing].map(line).join('; ')}. Few crowded seconds mean stalls of the whole server; many seconds mean slow pages.`;
}

/** Frozen prose: what the figures above are limited by, from the run it names (the product changes under the bench). */
/**
 * The prose under the day's table: what limits it, run by run, dated. Kept in
 * bench/notes/newsroom-day-limits.md (written by people, not by the bench).
 */
function readWhatLimitsIt(): string {
  return fs.readFileSync(fileURLToPath(new URL('./notes/newsroom-day-limits.md', import.meta.url)), 'utf8').trimEnd();
}

/** Writes (or replaces) the day's section of docs/benchmarks.md. */
export function writeNewsroomDaySection(day: DayResult, file = 'docs/benchmarks.md'): string {
  const section = formatNewsroomDay(day);
  fs.writeFileSync(file, replaceSection(fs.readFileSync(file, 'utf8'), 'newsroom-day', section));
  return section;
}

/** Every run's figures, kept (bench/results/ is not committed) so the section can be written again from them. */
export function saveNewsroomDay(day: DayResult, dir = 'bench/results'): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `newsroom-day-${day.startedAt.replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, JSON.stringify(day, null, 2) + '\n');
  return file;
}

const invokedDirectly = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  // BENCH_DAY_FROM=<saved .json>: write the section again from a saved run (e.g. after editing the prose), measuring nothing.
  const from = process.env.BENCH_DAY_FROM;
  let day: DayResult;
  if (from) {
    day = JSON.parse(fs.readFileSync(from, 'utf8')) as DayResult;
  } else {
    if (!process.env.BENCH_SKIP_BUILD) execSync('npm run build', { stdio: 'inherit' });
    day = await measureNewsroomDay(dayOptionsFromEnv());
    console.log(`figures saved in ${saveNewsroomDay(day)}`);
  }
  console.log(writeNewsroomDaySection(day));
}
