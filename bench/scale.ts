import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { deriveArticleId } from '../lib/content/ids';
import { readRssMb } from './server';

/**
 * The scale part of `npm run bench`: a data folder seeded with
 * `npm run seed -- --articles N`, and HTTP timings taken alternately on two
 * running servers (the 1,000-article baseline and the 100,000-article one),
 * so both see the same noise from the shared machine.
 */

/** Everything that decides what `npm run seed` writes: a seeded file is reused only while these are unchanged. */
const SEED_INPUTS = ['lib/seed', 'lib/db/migrations', 'lib/db/prepare.ts', 'lib/db/connect.ts', 'lib/db/schema.ts', 'scripts/seed.ts'];

function seedVersion(): string {
  const hash = createHash('sha256');
  const walk = (p: string) => {
    if (fs.statSync(p).isDirectory()) {
      for (const entry of fs.readdirSync(p).sort()) walk(path.join(p, entry));
    } else {
      hash.update(p).update(fs.readFileSync(p));
    }
  };
  for (const input of SEED_INPUTS) walk(input);
  return hash.digest('hex').slice(0, 12);
}

/** Where a database seeded with `articles` generated articles is kept for the current seed code. */
export function seedCacheDir(cacheRoot: string, articles: number): string {
  return path.join(cacheRoot, `scale-${articles}-${seedVersion()}`);
}

export type SeededData = {
  dataDir: string;
  articles: number;
  /** Wall-clock seconds the seeding took, when it was done (now or when the cached file was made). */
  seconds: number | null;
  /** CPU seconds (user + system) of the seeding processes, which moves less than wall clock on a shared machine. */
  cpuSeconds: number | null;
  /** When the cached file was seeded. */
  seededAt: string;
  cachedFrom: string | null;
};

// CPU seconds of this process's finished children (cutime + cstime in /proc/self/stat; 100 ticks a second on Linux).
function childCpuSeconds(): number {
  const fields = fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

/** Runs `npm run seed -- --articles N` into `dataDir` and returns how long it took. */
function runSeed(dataDir: string, articles: number): { seconds: number; cpuSeconds: number; seededAt: string } {
  fs.mkdirSync(dataDir, { recursive: true });
  const seededAt = new Date().toISOString();
  const started = performance.now();
  const cpuBefore = childCpuSeconds();
  execFileSync('npm', ['run', 'seed', '--', '--articles', String(articles)], {
    env: { ...process.env, KIJI_DATA_DIR: dataDir, NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return { seconds: (performance.now() - started) / 1000, cpuSeconds: childCpuSeconds() - cpuBefore, seededAt };
}

/**
 * A data folder with the demo plus `articles` generated articles. With
 * `cacheRoot`, the seeded database is kept in `cacheRoot/scale-N-{version}`
 * (the version hashes the seed code and migrations) and copied from there on
 * later runs: seeding 100,000 articles takes minutes. The generated articles'
 * dates are relative to the day the file was seeded.
 */
export function seedDataDir(dataDir: string, articles: number, { cacheRoot }: { cacheRoot?: string } = {}): SeededData {
  if (!cacheRoot) return { dataDir, articles, ...runSeed(dataDir, articles), cachedFrom: null };
  const cacheDir = seedCacheDir(cacheRoot, articles);
  const file = path.join(cacheDir, 'kiji.sqlite');
  const record = path.join(cacheDir, 'seeded.json');
  if (!fs.existsSync(file) || !fs.existsSync(record) || process.env.BENCH_RESEED) {
    fs.rmSync(cacheDir, { recursive: true, force: true });
    const seeded = runSeed(cacheDir, articles);
    fs.writeFileSync(record, JSON.stringify({ articles, ...seeded }) + '\n');
  }
  const seeded = JSON.parse(fs.readFileSync(record, 'utf8')) as { seconds: number; cpuSeconds: number; seededAt: string };
  // The server writes (page views, rankings): it gets a copy, never the cached file.
  fs.mkdirSync(dataDir, { recursive: true });
  for (const entry of fs.readdirSync(cacheDir)) {
    if (entry.startsWith('kiji.sqlite')) fs.copyFileSync(path.join(cacheDir, entry), path.join(dataDir, entry));
  }
  return { dataDir, articles, seconds: seeded.seconds, cpuSeconds: seeded.cpuSeconds ?? null, seededAt: seeded.seededAt, cachedFrom: cacheDir };
}

/**
 * Ids of generated articles `from`…`to - 1` (lib/seed/scale.ts numbers them
 * after the demo's `demoCount` articles). Seeded from the same point, the
 * 1,000 and 100,000 sets share their first 1,000 articles exactly.
 */
export function scaleArticleIds(demoCount: number, from: number, to: number): string[] {
  return Array.from({ length: to - from }, (_, i) => deriveArticleId(`scale-${demoCount + from + i}`));
}

export type ScaleServer = { label: string; origin: string; pid: number; revalidateSecret: string };

export async function revalidate(server: ScaleServer, tags: string[]): Promise<void> {
  const r = await fetch(`${server.origin}/api/revalidate`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.revalidateSecret}`, 'content-type': 'application/json' },
    body: JSON.stringify({ tags }),
  });
  if (!r.ok) throw new Error(`revalidate answered ${r.status}`);
  await r.text();
}

export type Timing = { ms: number; cache: string | null; bytes: number; rssPeakDeltaMb: number };

/** One GET, read to the end, timed; the server's RSS is sampled every 5 ms meanwhile. */
export async function timeGet(server: ScaleServer, urlPath: string): Promise<Timing> {
  const rssBefore = readRssMb(server.pid);
  let peak = rssBefore;
  const sampler = setInterval(() => {
    peak = Math.max(peak, readRssMb(server.pid));
  }, 5);
  try {
    const started = performance.now();
    const response = await fetch(server.origin + urlPath);
    const body = await response.arrayBuffer();
    const ms = performance.now() - started;
    if (!response.ok) throw new Error(`${urlPath} answered ${response.status}`);
    peak = Math.max(peak, readRssMb(server.pid));
    return { ms, cache: response.headers.get('x-nextjs-cache'), bytes: body.byteLength, rssPeakDeltaMb: peak - rssBefore };
  } finally {
    clearInterval(sampler);
  }
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export type ScaleRow = {
  name: string;
  /** Median ms per server label. */
  ms: Record<string, number>;
  /** Median bytes per server label. */
  bytes: Record<string, number>;
  /** Largest RSS rise seen while answering, per server label (MB). */
  rssPeakDeltaMb: Record<string, number>;
  /** x-nextjs-cache headers seen, per server label. */
  cache: Record<string, string>;
  note?: string;
};

/**
 * `samples` rounds; in each, every server in turn runs `prepare(server, i)`
 * (untimed: e.g. expire a cache) and then the timed GET of `pathFor(server, i)`.
 * Fails when a response's cache header is not one `expect` allows.
 */
export async function alternate(
  servers: ScaleServer[],
  name: string,
  samples: number,
  pathFor: (server: ScaleServer, i: number) => string,
  { prepare, expect, note }: { prepare?: (server: ScaleServer, i: number) => Promise<void>; expect?: (cache: string | null) => boolean; note?: string } = {},
): Promise<ScaleRow> {
  const timings = new Map<string, Timing[]>(servers.map((s) => [s.label, []]));
  for (let i = 0; i < samples; i++) {
    for (const server of i % 2 === 0 ? servers : [...servers].reverse()) {
      await prepare?.(server, i);
      const t = await timeGet(server, pathFor(server, i));
      if (expect && !expect(t.cache)) throw new Error(`${name} on ${server.label}: x-nextjs-cache was ${t.cache}`);
      timings.get(server.label)!.push(t);
    }
  }
  const per = <T>(f: (ts: Timing[]) => T) => Object.fromEntries(servers.map((s) => [s.label, f(timings.get(s.label)!)]));
  const row: ScaleRow = {
    name,
    ms: per((ts) => median(ts.map((t) => t.ms))),
    bytes: per((ts) => median(ts.map((t) => t.bytes))),
    rssPeakDeltaMb: per((ts) => Math.max(...ts.map((t) => t.rssPeakDeltaMb))),
    cache: per((ts) => [...new Set(ts.map((t) => t.cache ?? '—'))].join('/')),
    note,
  };
  console.log(`${name.padEnd(44)} ${servers.map((s) => `${s.label} ${row.ms[s.label]!.toFixed(1)} ms (${row.cache[s.label]})`).join('  ')}`);
  return row;
}

const notHit = (cache: string | null) => cache !== 'HIT';

/** The Japan-time month `monthsAgo` months before now, as `YYYY-MM`. */
function jstMonth(monthsAgo: number): string {
  const jst = new Date(Date.now() + 9 * 3_600_000);
  const d = new Date(Date.UTC(jst.getUTCFullYear(), jst.getUTCMonth() - monthsAgo, 1));
  return d.toISOString().slice(0, 7);
}

async function sitemapPaths(server: ScaleServer): Promise<string[]> {
  const xml = await (await fetch(`${server.origin}/sitemap.xml`)).text();
  return [...xml.matchAll(/<loc>[^<]*?(\/sitemaps\/[^<]+)<\/loc>/g)].map((m) => m[1]!);
}

/**
 * The scale rows, each timed alternately on every server: an article's first
 * render, a section page after its tag is expired and cached, search, and
 * the sitemaps after the `articles` tag is expired (what a publish does).
 */
export async function measureScale(
  servers: ScaleServer[],
  { firstRenderIds, sectionPath, samples }: { firstRenderIds: string[]; sectionPath: string; samples: number },
): Promise<{ rows: ScaleRow[]; month: string; urls: Record<string, number> }> {
  if (firstRenderIds.length < samples + 1) throw new Error('too few never-rendered articles');
  const search = (q: string) => `/search?q=${encodeURIComponent(q)}`;
  // Warm-up: every route once on every server (code loaded, statements prepared).
  for (const server of servers) {
    for (const p of ['/', sectionPath, `/articles/${firstRenderIds[samples]}`, search('熊本'), '/sitemap.xml']) await timeGet(server, p);
  }
  // A month a year back: complete, and present in both databases.
  const month = jstMonth(12);
  const monthPath = `/sitemaps/articles-${month}-1.xml`;
  for (const server of servers) {
    if (!(await sitemapPaths(server)).includes(monthPath)) throw new Error(`${server.label} has no ${monthPath}`);
  }
  const urls: Record<string, number> = {};
  for (const server of servers) urls[server.label] = ((await (await fetch(server.origin + monthPath)).text()).match(/<url>/g) ?? []).length;

  const rows: ScaleRow[] = [];
  rows.push(
    await alternate(servers, 'article, first render', samples, (_s, i) => `/articles/${firstRenderIds[i]}`, {
      expect: notHit,
      note: 'a generated article no one has requested (the same article on both)',
    }),
  );
  rows.push(
    await alternate(servers, 'section page, render after expiry', samples, () => sectionPath, {
      // The route takes CACHE_TAGS constants and article tags only; \`taxonomy\` is on every listing's data.
      prepare: (server) => revalidate(server, ['taxonomy']),
      expect: notHit,
      note: `\`${sectionPath}\` after \`POST /api/revalidate\` of \`taxonomy\``,
    }),
  );
  rows.push(await alternate(servers, 'section page, cached', samples, () => sectionPath, { expect: (c) => c === 'HIT' }));
  rows.push(
    await alternate(servers, 'home page, render after expiry', samples, () => '/', {
      prepare: (server) => revalidate(server, ['articles']),
      expect: notHit,
      note: '`/` after `POST /api/revalidate` of `articles` (what every publish does)',
    }),
  );
  for (const q of ['関税', '半導体']) {
    rows.push(await alternate(servers, `search 「${q}」`, samples, () => search(q), { note: 'rendered per request' }));
  }
  rows.push(
    await alternate(servers, 'sitemap index, after expiry', samples, () => '/sitemap.xml', {
      prepare: (server) => revalidate(server, ['articles']),
      note: 'reads the month counts kept by triggers (ADR 0016)',
    }),
  );
  rows.push(
    await alternate(servers, `month sitemap ${month}, after expiry`, samples, () => monthPath, {
      // Expire, then let the index re-read the month list, so this times the month's rows alone.
      prepare: async (server) => {
        await revalidate(server, ['articles']);
        await timeGet(server, '/sitemap.xml');
      },
      note: `${Object.entries(urls).map(([k, v]) => `${k}: ${v} URLs`).join(', ')}; streamed in batches of 1,000 rows`,
    }),
  );
  rows.push(await alternate(servers, 'sitemap index, cached', samples, () => '/sitemap.xml'));
  return { rows, month, urls };
}
