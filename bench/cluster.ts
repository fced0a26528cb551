// `npx tsx bench/cluster.ts`: the scale-out path of issue 13 against one
// instance, in one run on one machine, so the figures compare as ratios:
//   1. one instance (`npm start`, no nginx) on PostgreSQL + Redis: readers
//      spread by a Zipf law over the articles, plus home and section pages;
//   2. `npm run cluster` (three instances behind Debian's nginx, its page
//      cache) on the same database: the same readers, through nginx;
//   3. 500 connections through nginx: errors, and each instance's memory
//      before and after;
//   4. invalidation fan-out: stories published through instance 1, the time
//      until each other instance's home page, and nginx's, shows them.
// Every article is requested once from each instance first, then each
// configuration gets an unmeasured warm-up of the same readers.
// Writes its section of docs/benchmarks.md.
import { execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_EDITOR } from '../lib/newsroom/startup';
import { Phase, parseSitemap, percentile, readerPicker, runLoad, zipfSampler, type PhaseResult } from './day-load';
import { createDraft, draftBody, runCommand, signIn } from './editor-client';
import { clusterPorts, createBenchBackends, startCluster, waitFor, type RunningCluster } from './cluster-run';
import { met } from './report';
import { replaceSection } from './sections';
import { findListeningPid, prepareAppCopy, readRssMb, startServer, stopServer } from './server';

const numberFromEnv = (name: string, fallback: number) => {
  const value = Number(process.env[name] || fallback);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name}=${process.env[name]} is not a number`);
  return value;
};

export type ClusterOptions = {
  /** Generated articles on top of the demo. */
  articles: number;
  instances: number;
  /** nginx's port; the instances take the ports after it, the lone instance the one after those. */
  port: number;
  connections: number;
  seconds: number;
  warmSeconds: number;
  floodConnections: number;
  floodSeconds: number;
  stories: number;
};

export function clusterOptionsFromEnv(): ClusterOptions {
  return {
    articles: numberFromEnv('BENCH_CLUSTER_ARTICLES', 2_000),
    instances: numberFromEnv('BENCH_CLUSTER_INSTANCES', 3),
    port: numberFromEnv('BENCH_CLUSTER_PORT', 3700),
    connections: numberFromEnv('BENCH_CLUSTER_CONNECTIONS', 50),
    seconds: numberFromEnv('BENCH_CLUSTER_SECONDS', 60),
    warmSeconds: numberFromEnv('BENCH_CLUSTER_WARM_SECONDS', 30),
    floodConnections: numberFromEnv('BENCH_CLUSTER_FLOOD_CONNECTIONS', 500),
    floodSeconds: numberFromEnv('BENCH_CLUSTER_FLOOD_SECONDS', 60),
    stories: numberFromEnv('BENCH_CLUSTER_STORIES', 10),
  };
}

export type ClusterResult = {
  at: string;
  options: ClusterOptions;
  articles: number;
  single: PhaseResult;
  cluster: PhaseResult;
  flood: PhaseResult;
  /** RSS (MB) of each instance before and after the flood. */
  floodMemory: { before: number; after: number }[];
  /** Milliseconds from the editor's answer until another instance's home page showed the story, one per story and instance. */
  fanOutMs: number[];
  /** The same until the home page through nginx showed it, one per story. */
  fanOutNginxMs: number[];
};

export async function measureCluster(options: ClusterOptions): Promise<ClusterResult> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kiji-bench-cluster-'));
  const ports = clusterPorts(options.port, options.instances);
  const instancePorts = ports.instances;
  const lonePort = options.port + 1 + options.instances;
  const origin = (port: number) => `http://127.0.0.1:${port}`;
  const backends = await createBenchBackends('cluster');
  const env = {
    ...backends.env,
    SITE_URL: origin(options.port),
    SMTP_URL: '',
    KIJI_BENCH_PAGES: '0',
    // The load generator stands where nginx would: every reader one address, as behind nginx.
    KIJI_TRUSTED_PROXY_HOPS: '1',
  };
  let lone: ChildProcess | null = null;
  let cluster: RunningCluster | null = null;
  try {
    // The first start migrates and seeds the demo; then the generated articles.
    lone = await startServer(env, lonePort, { cwd: prepareAppCopy(path.join(work, 'lone')) });
    if (options.articles > 0) execFileSync('npm', ['run', '--silent', 'seed', '--', '--articles', String(options.articles)], { env: { ...process.env, ...env }, stdio: 'inherit' });
    const articles = parseSitemapArticles(await sitemapXml(origin(lonePort)));
    const mix = { articles, home: '/', sections: ['/sections/world', '/sections/business', '/sections/japan', '/sections/society', '/sections/technology', '/sections/culture'], homeShare: 0.1, sectionShare: 0.05 };
    const readers = () => readerPicker(mix, zipfSampler(articles.length));

    // 1. One instance, no nginx; every article in its page cache first, as on a site that has run a while.
    const lonePid = findListeningPid(lonePort);
    await crawl(origin(lonePort), articles);
    await runLoad(new Phase('warm-up', options.connections), { origin: origin(lonePort), next: readers(), seconds: options.warmSeconds });
    const single = (await runLoad(new Phase('one instance', options.connections), { origin: origin(lonePort), next: readers(), seconds: options.seconds, serverPid: lonePid })).result();
    await stopServer(lone);
    lone = null;

    // 2. The cluster behind nginx, as README gives it.
    cluster = await startCluster(ports, path.join(work, 'cluster'), env);
    // Each instance's page cache filled as the lone instance's was (its own copy of the build).
    for (const port of instancePorts) await crawl(origin(port), articles);
    await runLoad(new Phase('warm-up', options.connections), { origin: origin(options.port), next: readers(), seconds: options.warmSeconds });
    const clustered = (await runLoad(new Phase(`${options.instances} instances behind nginx`, options.connections), { origin: origin(options.port), next: readers(), seconds: options.seconds })).result();

    // 3. A flood through nginx.
    const pids = instancePorts.map((port) => findListeningPid(port)!);
    const before = pids.map((pid) => readRssMb(pid));
    const flood = (await runLoad(new Phase('flood', options.floodConnections), { origin: origin(options.port), next: readers(), seconds: options.floodSeconds })).result();
    const after = pids.map((pid) => readRssMb(pid));

    console.log(formatCluster({ at: new Date().toISOString(), options, articles: articles.length, single, cluster: clustered, flood, floodMemory: before.map((b, i) => ({ before: b, after: after[i]! })), fanOutMs: [], fanOutNginxMs: [] }));

    // 4. Fan-out: published through instance 1, looked for on the others.
    const { session } = await signIn(origin(instancePorts[0]!), DEMO_EDITOR.login, DEMO_EDITOR.password);
    const fanOutMs: number[] = [];
    const fanOutNginxMs: number[] = [];
    for (let n = 0; n < options.stories; n++) {
      const headline = `クラスター計測の記事${Date.now()}-${n}`;
      const draft = await createDraft(session, draftBody({ headline, body: '計測用の本文。', section: 'society' }));
      const published = await runCommand(session, draft.id, 'publish', { baseRevision: draft.revision });
      if (published.status !== 200) throw new Error(`publish answered ${published.status}: ${published.error}`);
      const answered = performance.now();
      const shows = async (base: string) => (await (await fetch(`${base}/`)).text()).includes(`/articles/${draft.id}"`);
      await Promise.all([
        ...instancePorts.slice(1).map(async (port) => {
          await waitFor(() => shows(origin(port)), 30_000, 20);
          fanOutMs.push(performance.now() - answered);
        }),
        waitFor(() => shows(origin(options.port)), 30_000, 20).then(() => fanOutNginxMs.push(performance.now() - answered)),
      ]);
      await new Promise((r) => setTimeout(r, 1_000));
    }

    return {
      at: new Date().toISOString(),
      options,
      articles: articles.length,
      single,
      cluster: clustered,
      flood,
      floodMemory: before.map((b, i) => ({ before: b, after: after[i]! })),
      fanOutMs,
      fanOutNginxMs,
    };
  } finally {
    if (lone) await stopServer(lone);
    await cluster?.stop();
    const stray = findListeningPid(lonePort);
    if (stray) process.kill(stray, 'SIGKILL');
    await backends.remove();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** Asks for every article once, a few at a time, so a server's page cache holds them all. */
async function crawl(base: string, paths: readonly string[], concurrency = 4): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < paths.length) {
        const response = await fetch(`${base}${paths[next++]}`).catch(() => null);
        await response?.arrayBuffer().catch(() => undefined);
      }
    }),
  );
}

async function sitemapXml(base: string): Promise<string[]> {
  const index = parseSitemap(await (await fetch(`${base}/sitemap.xml`)).text());
  const parts = await Promise.all(index.map(async ({ path: p }) => (await fetch(`${base}${p}`)).text()));
  return parts;
}

/** Article paths from the sitemaps, most recently updated first (the most read, as in the newsroom day). */
function parseSitemapArticles(parts: string[]): string[] {
  const entries = parts.flatMap((xml) => parseSitemap(xml)).filter((e) => e.path.startsWith('/articles/'));
  return [...new Map(entries.map((e) => [e.path, e])).values()].sort((a, b) => (b.lastmod ?? '').localeCompare(a.lastmod ?? '')).map((e) => e.path);
}

const fmt = (n: number, digits = 1) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

export function formatCluster(r: ClusterResult): string {
  const ratio = r.cluster.rps / r.single.rps;
  const sorted = [...r.fanOutMs].sort((a, b) => a - b);
  const p95 = percentile(sorted, 0.95);
  const nginxSorted = [...(r.fanOutNginxMs ?? [])].sort((a, b) => a - b);
  const nginxP95 = percentile(nginxSorted, 0.95);
  const errors = (p: PhaseResult) => p.errors.non2xx + p.errors.timeouts + p.errors.connection;
  const growth = Math.max(...r.floodMemory.map((m) => (m.after - m.before) / m.before));
  const row = (p: PhaseResult, note: string) =>
    `| ${p.name} | ${p.connections} | ${fmt(p.rps)} | ${note} | ${p.p50} | ${fmt(p.p99, 0)} | ${p.errors.non2xx} / ${p.errors.timeouts} / ${p.errors.connection} |`;
  return `## Several instances behind nginx (\`npx tsx bench/cluster.ts\`)

Run ${r.at.slice(0, 16).replace('T', ' ')} UTC on ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), Node ${process.version}; PostgreSQL and Redis on the same machine.
The demo plus ${fmt(r.options.articles, 0)} generated articles (${fmt(r.articles, 0)} in the sitemaps). Readers as in the newsroom day: articles by a Zipf law
(most recently updated most read) 85 %, home 10 %, six section pages 5 %. Every article is requested once from each instance first (its page cache holds them all, as on a site that has run a while), then each configuration gets ${r.options.warmSeconds} s of the same readers, unmeasured.
"One instance" is \`npm start\` alone; the cluster is \`npm run cluster\` (${r.options.instances} instances, each its own copy of the build, behind Debian's nginx with
\`deploy/nginx\`'s page cache: each page for its own s-maxage, a minute, purged by the instances on every write), all on this machine's two cores.

| configuration | connections | pages/s | ratio (target) | p50 ms | p99 ms | errors: non-2xx / timeouts / connection |
| --- | ---: | ---: | --- | ---: | ---: | --- |
${row(r.single, '1.00')}
${row(r.cluster, `**${fmt(ratio, 2)}** × one instance (≥ 2.5: ${met(ratio >= 2.5)})`)}
${row(r.flood, `${fmt(r.flood.seconds, 0)} s; 0 errors: ${met(errors(r.flood) === 0)}`)}

Memory of each instance over the flood (RSS, MB): ${r.floodMemory.map((m) => `${fmt(m.before, 0)} → ${fmt(m.after, 0)}`).join(', ')}; largest growth ${fmt(growth * 100, 1)} % (target < 10 %: ${met(growth < 0.1)}).

Invalidation fan-out: ${r.options.stories} stories published through instance 1; from the editor's answer until each other instance's own home page
(asked directly, not through nginx) listed the story: median ${fmt(percentile(sorted, 0.5), 0)} ms, p95 **${fmt(p95, 0)} ms** (target 1,000: ${met(p95 <= 1000)}), slowest ${fmt(sorted.at(-1) ?? Number.NaN, 0)} ms
over ${sorted.length} observations. Each instance applies the announcement (Redis) and re-renders the page itself (ADR 0024).
Through nginx (its home page, which it had cached): median ${fmt(percentile(nginxSorted, 0.5), 0)} ms, p95 **${fmt(nginxP95, 0)} ms** (target 1,000: ${met(nginxP95 <= 1000)}) over ${nginxSorted.length} stories; the instances purge nginx's copy once they have re-rendered (ADR 0025).
`;
}

export function saveCluster(r: ClusterResult): void {
  const file = 'docs/benchmarks.md';
  fs.writeFileSync(file, replaceSection(fs.readFileSync(file, 'utf8'), 'cluster', formatCluster(r)));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (!fs.existsSync('.next/BUILD_ID')) execFileSync('npm', ['run', 'build'], { stdio: 'inherit' });
  const result = await measureCluster(clusterOptionsFromEnv());
  console.log(formatCluster(result));
  saveCluster(result);
}
