/**
 * docs/benchmarks.md's main part (everything above the sections other bench
 * scripts own, bench/sections.ts) from one run's figures: `npm run bench`
 * (bench/run.ts) measures them and saves them in bench/results/;
 * `BENCH_MAIN_FROM=<that .json> npm run bench` writes the part again from
 * them without measuring. What limited a figure in a dated run is prose
 * people wrote (bench/notes/*.md), quoted where it belongs; the sentences
 * here only say what this run measured and how.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BeaconResult } from './beacon';
import type { LighthouseRow } from './lighthouse';
import type { MemoryResult } from './memory';
import type { RankingReadResult } from './rankings';
import { fixed, met, ratio, readNote } from './report';
import type { ScaleRow, SeededData } from './scale';
import { replaceHead } from './sections';

/** One row of the throughput table: an autocannon run against one path. */
export type ThroughputRow = {
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

/** The throughput row whose every answer is a fresh render (bench/run.ts `loadUncached`). */
export const UNCACHED = 'article (uncached render)';

/** One backend's beacon against the bare route handler in the same server: median runs of each and what the store counted. */
export type BeaconComparison = {
  bare: BeaconResult;
  beacon: BeaconResult;
  counted: number;
  accepted: number;
  /** Median server CPU µs per request. */
  bareCpu: number;
  beaconCpu: number;
  /** bareCpu ÷ beaconCpu. */
  cpuRatio: number;
};

export type ClientJsRow = { route: string; path: string; scripts: number; gzipBytes: number };

/** Everything one `npm run bench` measured for the main part, as saved in bench/results/main-*.json. */
export type MainFigures = {
  /** When the run started (names its saved file) and when it ended (the "Latest run" of the document), ISO. */
  startedAt: string;
  finishedAt: string;
  /** The whole run in minutes, the sections other scripts measured in it included. */
  minutes: number;
  /** 1/5/15-minute load average at the end: how busy the shared machine was. */
  loadAverage: number[];
  machine: { cores: number; cpu: string; node: string };
  commit: string;
  settings: {
    port: number;
    scalePort: number;
    /** Seconds per throughput and beacon row (BENCH_SECONDS). */
    seconds: number;
    connections: number[];
    /** Generated articles on top of the demo in the main server's database. */
    baselineArticles: number;
    scaleArticles: number;
    scaleSamples: number;
    memoryWarmup: number;
    lighthouseRuns: number;
  };
  throughput: ThroughputRow[];
  /** Generated articles the uncached rows take in turn. */
  renderPoolSize: number;
  /** Median ms to answer a page right after its cached copy was expired. */
  renderMs: { home: number; article: number };
  lighthouse: LighthouseRow[];
  scale: { seed: SeededData; rows: ScaleRow[]; month: string; urls: Record<string, number> };
  memory: MemoryResult;
  /** Public demo articles (the memory mix's cached articles, the beacon's readers' pages). */
  publicArticles: number;
  beacon: { route: string; sqlite: BeaconComparison; redis: BeaconComparison };
  rankings: RankingReadResult[];
  clientJs: ClientJsRow[];
};

/**
 * A measured path as the tables show it: an article's id (which changes with
 * the demo) as `{id}`. Only an article's: any last segment of eight letters
 * was taken for one, and `/baseline` read `/{id}`.
 */
const withoutArticleId = (urlPath: string) => urlPath.replace(/^\/articles\/[^/]+$/, '/articles/{id}');

/** The main part of docs/benchmarks.md for one run's figures. */
export function formatMainReport(f: MainFigures): string {
  const s = f.settings;
  const row = (name: string, connections: number) => {
    const found = f.throughput.find((r) => r.name === name && r.connections === connections);
    if (!found) throw new Error(`no throughput row "${name}" at ${connections} connections`);
    return found;
  };
  const ceilingAt = (connections: number) => row('static file (ceiling)', connections);
  const cachedArticle = row('article (cached)', s.connections[0]!);
  const section50 = row('section (cached)', s.connections[0]!);
  const baseline = f.clientJs[0]!.gzipBytes;
  const articleJs = f.clientJs.find((j) => j.route === 'article')!.gzipBytes;
  // Other work on a shared machine moves every absolute figure; say how busy it was.
  const loadAverage = f.loadAverage.map((l) => l.toFixed(1)).join(' / ');
  const memory = f.memory;
  const growth = ((memory.rssSettledMb - memory.rssBeforeMb) / memory.rssBeforeMb) * 100;
  const growthAfter = ((memory.rssAfterMb - memory.rssBeforeMb) / memory.rssBeforeMb) * 100;
  const seed = f.scale.seed;
  const seedLine = `${Math.round(seed.seconds ?? Number.NaN)} s of wall clock and ${Math.round(seed.cpuSeconds ?? Number.NaN)} s of CPU on this machine, seeded ${seed.seededAt.slice(0, 16).replace('T', ' ')} UTC`;

  return `# Benchmarks

Latest run: ${f.finishedAt.slice(0, 16).replace('T', ' ')} UTC on ${f.machine.cores} cores (${f.machine.cpu}), Node ${f.machine.node},
load average ${loadAverage} (1/5/15 min) at the end of the run; the whole run took ${f.minutes.toFixed(0)} minutes.
The load generator (autocannon), Lighthouse's Chromium and the servers share
the machine, so compare the ratios, which are measured in the same run,
rather than the absolute figures.

Every server below runs the production build (\`npm start\`) from its own
copy of \`.next\` (so its Next.js caches start empty and hold only its own
data), on embedded SQLite. The main server's database is the demo plus
${s.baselineArticles.toLocaleString('en')} generated articles (\`npm run seed -- --articles ${s.baselineArticles}\`), the
"1k" of the scale section.

## Throughput (${s.seconds} s per row after a warm-up; the uncached rows longer, see below)

| page | connections | req/s | p50 ms | p99 ms | errors | ratio to static file |
| --- | ---: | ---: | ---: | ---: | ---: | ---: |
${f.throughput
  .map((r) => `| ${r.name} | ${r.connections} | ${r.rps.toFixed(0)} | ${fixed(r.p50)} | ${fixed(r.p99)} | ${r.errors} | ${ratio(r.rps, ceilingAt(r.connections).rps)} |`)
  .join('\n')}

| connections | cached article ÷ static file (target ≥ 0.9) | uncached ÷ cached article (target ≥ 0.3) |
| ---: | ---: | ---: |
${s.connections.map((c) => {
  const cached = row('article (cached)', c);
  const uncached = row(UNCACHED, c);
  return `| ${c} | **${ratio(cached.rps, ceilingAt(c).rps)}** (${met(cached.rps >= 0.9 * ceilingAt(c).rps)}) | **${ratio(uncached.rps, cached.rps)}** (${met(uncached.rps >= 0.3 * cached.rps)}) |`;
}).join('\n')}

How the uncached row truly renders: each connection, in a loop, expires one
generated article with \`POST /api/revalidate\` (\`{"tags": ["article:{id}"]}\`,
the tag both the page and its data cache carry; \`expire: 0\`, so the next
request waits for a fresh render rather than getting the stale page) and then
requests it. Articles are taken in turn from ${f.renderPoolSize}, far more than there
are connections, so no other connection asks for the same one in between.
Only the GETs are counted and timed. The server renders every connection's
page at once, interleaved, so the first answers arrive only after about as
many renders as there are connections. The row counts from the moment that
many renders have completed (steady state) and runs until it has had at
least ${s.seconds} s and as many renders again in steady state (${s.connections.map((c) => `${row(UNCACHED, c).seconds?.toFixed(0)} s in all at ${c} connections`).join(', ')}).
Their \`x-nextjs-cache\` headers (whole run):
${s.connections.map((c) => `${row(UNCACHED, c).cache} at ${c} connections`).join('; ')}
(never \`HIT\`: every one was a render: article query, related reading, RSC
and HTML, cache write). The expiring POSTs take server time too (a route
handler costs about 1 ms of CPU here, the beacon table below), a few
per cent of a render.

${readNote('throughput-uncached-render')}

Article requests pass through \`proxy.ts\` (410 for taken-down articles: an
in-memory set lookup); section requests do not, so the article ÷ section
ratio, ${ratio(cachedArticle.rps, section50.rps)} in this run at 50 connections, is what the proxy and the article's larger page cost together (the A/B below separates them)
(1.17 in the run before it existed, 2026-11-26 01:33; ADR 0008 has an A/B
of the same build with and without it). In-process figures for search and
sitemaps at 100,000 articles, on both engines: \`docs/benchmarks-findability.md\`
(\`npx tsx bench/findability.ts\`).

${readNote('throughput-cached-article')}

## Lighthouse 12.2.3, mobile (median of ${s.lighthouseRuns} runs per page)

Lighthouse's default mobile settings (emulated phone, simulated slow 4G, 4×
CPU slowdown) in headless Debian Chromium, against the main server after the
throughput rows (pages cached), after one uncounted run per page (so the
picture sizes its phone screen asks for are made and cached, as for every
reader after the first). Each figure is the median of its runs; the
pages are measured round-robin. Targets (issue 7): accessibility, best
practices and SEO 100, performance ≥ 90, CLS ≤ 0.01.

| page | path | performance | accessibility | best practices | SEO | LCP ms | TBT ms | CLS | performance, every run |
| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |
${f.lighthouse
  .map(
    (l) =>
      `| ${l.name} | \`${withoutArticleId(l.path)}\` | ${l.scores.performance} | ${l.scores.accessibility} | ${l.scores['best-practices']} | ${l.scores.seo} | ${l.lcpMs.toFixed(0)} | ${l.tbtMs.toFixed(0)} | ${l.cls.toFixed(3)} | ${l.performanceRuns.join(', ')} |`,
  )
  .join('\n')}

Missed: ${
  f.lighthouse
    .flatMap((l) => [
      ...(['accessibility', 'best-practices', 'seo'] as const).filter((c) => l.scores[c] < 100).map((c) => `${l.name} ${c} ${l.scores[c]}`),
      ...(l.scores.performance < 90 ? [`${l.name} performance ${l.scores.performance}`] : []),
      ...(l.cls > 0.01 ? [`${l.name} CLS ${l.cls.toFixed(3)}`] : []),
    ])
    .join('; ') || 'none'
}. Audits that cost points outside performance: ${
  f.lighthouse
    .filter((l) => l.failing.length > 0)
    .map((l) => `${l.name}: ${l.failing.map((audit) => `\`${audit}\``).join(', ')}`)
    .join('; ') || 'none'
}.

## Scale: 1,000 against 100,000 articles (HTTP, production build)

A second server on a database of the demo plus ${s.scaleArticles.toLocaleString('en')} generated articles
(\`npm run seed -- --articles ${s.scaleArticles}\`: ${seedLine}${
  f.scale.seed.cachedFrom ? `; this run copied the seeded file from \`${path.relative(process.cwd(), f.scale.seed.cachedFrom)}\`, kept between runs and keyed by a hash of the seed code and migrations` : ''
}), up at the same time as the main ("1k") one. Every row is the median of
${s.scaleSamples} requests from one client, alternating between the two servers so both
see the same noise. The generated articles are the same on both (the
generator is seeded), and the article row renders one neither server has
rendered before. On first start each server loads the demo's view history
for the demo's own articles (lib/rankings/runtime.ts \`seedDemoViews\`; until
2026-11-26 it built one for every public article, which at 100,000 took
more than two minutes and over 1.5 GB of RSS before the server answered). "RSS rise" is the largest growth of the server's resident
memory seen while it answered (sampled every 5 ms from \`/proc\`).

| row | 1k ms | 100k ms | 100k ÷ 1k (target ≤ 1.2) | x-nextjs-cache (1k / 100k) | RSS rise MB (1k / 100k) | note |
| --- | ---: | ---: | ---: | --- | ---: | --- |
${f.scale.rows
  .map((r) => {
    const k = r.ms['1k']!;
    const m = r.ms['100k']!;
    return `| ${r.name} | ${k.toFixed(1)} | ${m.toFixed(1)} | **${ratio(m, k)}** (${m / k > 1.2 ? 'missed' : 'met'}) | ${r.cache['1k']} / ${r.cache['100k']} | ${r.rssPeakDeltaMb['1k']!.toFixed(0)} / ${r.rssPeakDeltaMb['100k']!.toFixed(0)} | ${r.note ?? ''} |`;
  })
  .join('\n')}

The month sitemap (\`articles-${f.scale.month}-1.xml\`) holds ${f.scale.urls['1k']} URLs at 1k and
${f.scale.urls['100k']} at 100k: its time grows with the URLs it must list, so its
ratio per URL is ${(() => {
  const r = f.scale.rows.find((x) => x.name.startsWith('month sitemap'))!;
  return ratio(r.ms['100k']! / f.scale.urls['100k']!, r.ms['1k']! / f.scale.urls['1k']!);
})()}. It is streamed (\`streamUrlset\`, lib/seo/sitemap-xml.ts):
the response is a \`ReadableStream\` that reads the next 1,000 rows only when
the previous batch has been sent, so the server never holds the month's rows
at once; the RSS rise column is what that costs at each size.

${readNote('scale-limits')}

## Server memory (${memory.requests.toLocaleString('en')} requests)

RSS (\`VmRSS\` in \`/proc/<pid>/status\`) of the Next.js server process (the
one listening on the port, under \`npm start\`), after a warm-up of ${s.memoryWarmup.toLocaleString('en')}
requests of the same mix and 10 s of quiet, then after
${memory.requests.toLocaleString('en')} requests at 50 connections (${memory.seconds.toFixed(0)} s; ${memory.errors} errors: ${memory.errorKinds.failed} connection errors, ${memory.errorKinds.timeouts} timeouts of 10 s, ${memory.errorKinds.non2xx} answers other than 2xx). Mix, of every 100:
48 cached articles (the ${f.publicArticles} public demo articles in turn), 25 home,
25 section pages (four sections in turn), one \`POST /api/revalidate\` of a
generated article and one request for it (${memory.counts.rendered} of ${memory.counts.uncached} were fresh renders).

| before | right after | after 10 s quiet | peak during the run (1 s samples) | growth (settled) | growth (right after) |
| ---: | ---: | ---: | ---: | ---: | ---: |
| ${memory.rssBeforeMb.toFixed(0)} MB | ${memory.rssAfterMb.toFixed(0)} MB | ${memory.rssSettledMb.toFixed(0)} MB | ${memory.rssPeakMb.toFixed(0)} MB | **${growth.toFixed(1)} %** (${met(growth < 10)}) | ${growthAfter.toFixed(1)} % |

RSS after each block of ${memory.block.toLocaleString('en')} requests: ${memory.rssByBlockMb.map((mb) => `${mb.toFixed(0)} MB`).join(', ')}.
A leak climbs with every block; caches at their bounds and the timing of
garbage collection move it around a level.

${readNote('memory-heap')}

Target: growth < 10 %.

## Page-view beacon ingestion (\`POST ${f.beacon.route}\`, 50 connections, median of 3 alternating runs of ${s.seconds} s)

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
${[f.beacon.sqlite, f.beacon.redis]
  .flatMap(({ bare, beacon, counted, accepted, bareCpu, beaconCpu, cpuRatio }) => [
    `| ${bare.name} | ${bare.rps.toFixed(0)} | ${fixed(bare.p50)} | ${fixed(bare.p99)} | ${bare.errors} | 1.00 | ${fixed(bareCpu, 0)} | |`,
    `| **${beacon.name}** | **${beacon.rps.toFixed(0)}** | ${fixed(beacon.p50)} | ${fixed(beacon.p99)} | ${beacon.errors} | **${ratio(beacon.rps, bare.rps)}** (CPU: **${fixed(cpuRatio, 2)}**) | ${fixed(beaconCpu, 0)} | ${counted} / ${accepted} |`,
  ])
  .join('\n')}

"CPU" is the same ratio measured as the server's CPU time per request (bare ÷
beacon, medians): what one core can take of each, and the figure least
moved by other programs on the machine. Redis's own CPU is not in it.

Targets: ≥ 5,000 views/s on SQLite and ≥ 20,000 on Redis, or ≥ 0.5 of the
bare handler. On this 2-core machine, with autocannon taking one core, the
bare handler itself stays far below the absolute targets, so the ratio is the
figure that carries over. ${readNote('beacon-cpu')}

The same counting code without HTTP, in the bench process (50 concurrent
callers, 50,000 new readers; headers checked, body parsed, filtered,
deduplicated, buffered and written in batches), shows where the time goes:

| backend | views/s (one process) | CPU µs per view | counted / sent |
| --- | ---: | ---: | ---: |
${f.rankings.map((r) => `| ${r.backend} | ${r.ingest.viewsPerSecond.toFixed(0)} | ${r.ingest.cpuMicrosPerView.toFixed(1)} | ${r.ingest.counted} / ${r.ingest.views} |`).join('\n')}

## Rankings with 1,000,000 views in the month window

${f.rankings[0]!.rows.toLocaleString('en')} hourly rows (1,000,000 views over 2,000 articles, Zipf-like, a few
views per article-hour, every hour of the 30 days). The job sums all three
windows from the raw counts at most once a minute; a page render reads only
the stored snapshot and the ten articles' summaries (and is itself cached).
Medians of 5 job runs and 50 reads, in the bench process.

| backend | job: compute all three windows (ms) | page read: snapshot + summaries (ms) |
| --- | ---: | ---: |
${f.rankings.map((r) => `| ${r.backend} | ${r.computeMs.toFixed(1)} | ${r.readMs.toFixed(2)} |`).join('\n')}

## What a write costs the pages it touches (docs/adr/0018)

Median time to answer a page right after its cached copy was expired through
\`POST /api/revalidate\`: the home page after a breaking flag (\`breaking\`)
${f.renderMs.home.toFixed(0)} ms; an article after a correction of its own (\`article:<id>\`)
${f.renderMs.article.toFixed(0)} ms. A flag, a publish or a ranking update re-renders no
article page: their rails refresh in the browser from \`GET /api/rails\`.

## Client JavaScript (gzip bytes of every script the served page loads)

| route | scripts | gzip bytes | ratio to empty page |
| --- | ---: | ---: | ---: |
${f.clientJs.map((j) => `| ${j.route} (\`${withoutArticleId(j.path)}\`) | ${j.scripts} | ${j.gzipBytes} | ${(j.gzipBytes / baseline).toFixed(2)} |`).join('\n')}

**Article ÷ empty page: ${(articleJs / baseline).toFixed(2)}** (target ≤ 1.1).

## How to reproduce

\`\`\`sh
npm ci && npm run bench        # builds, seeds, starts \`npm start\` on ports ${s.port} and ${s.scalePort} (BENCH_PORT), Redis at 127.0.0.1:6379 or BENCH_REDIS_URL
BENCH_SKIP_BUILD=1 BENCH_SECONDS=20 npm run bench   # reuse the build, longer runs
BENCH_RESEED=1 npm run bench   # seed the 100,000-article database again instead of copying it from .bench-data/
BENCH_MAIN_FROM=bench/results/main-….json npm run bench   # write the sections above again from a run's saved figures, measuring nothing
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
}

/** Writes the main part of `file` from `figures`, keeping every section the other bench scripts own; returns the part. */
export function writeMainReport(figures: MainFigures, file = 'docs/benchmarks.md'): string {
  const markdown = formatMainReport(figures);
  fs.writeFileSync(file, replaceHead(fs.readFileSync(file, 'utf8'), markdown));
  return markdown;
}
