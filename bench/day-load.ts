import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { cpuSeconds, readRssMb } from './server';

/**
 * The load loop of the newsroom day (bench/newsroom-day.ts): autocannon with
 * one dynamic request, so every request picks its own path (a crawl's next
 * article, a reader's Zipf draw) and every answer's status, latency and
 * `x-nextjs-cache` header are kept, by kind of page. Only what the server
 * answers over HTTP is read: nothing here knows Kiji's internals.
 */

/** One request to make: a path on the origin and what kind of page it is (for the breakdown). */
export type Target = { path: string; kind: string };

export type KindSummary = { requests: number; p50: number; p99: number; non2xx: number; cache: Record<string, number> };

export type PhaseResult = {
  name: string;
  connections: number;
  /** Wall-clock seconds from the first request to the last answer counted. */
  seconds: number;
  /** Answers received (any status). */
  requests: number;
  /** Answers per second. */
  rps: number;
  /** Milliseconds from writing a request to its answer, over every answer. */
  p50: number;
  p99: number;
  errors: { non2xx: number; timeouts: number; connection: number };
  /** Status codes other than 200, with counts. */
  statuses: Record<string, number>;
  /** `x-nextjs-cache` values (`none` when absent), with counts. */
  cache: Record<string, number>;
  byKind: Record<string, KindSummary>;
  /** CPU used during the phase, in cores (1 = one core busy the whole time). */
  cpu: CpuUse | null;
  /** Server CPU milliseconds per answer. */
  serverCpuMsPerRequest: number | null;
  serverRssMb: number | null;
  /**
   * Answers that took a second or more, and in how many distinct seconds of
   * the phase they arrived: a few crowded seconds mean stalls of the whole
   * server (a collection, a render holding the event loop), answers spread
   * over many seconds mean some pages are slow on their own.
   */
  slow: SlowAnswers;
};

export type SlowAnswers = { count: number; distinctSeconds: number; busiestSecondCount: number; byKind: Record<string, number> };

export type CpuUse = { server: number; generator: number; others: number };

export const percentile = (sorted: readonly number[], p: number): number =>
  sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

const add = (counts: Record<string, number>, key: string, n = 1) => {
  counts[key] = (counts[key] ?? 0) + n;
};

/**
 * One phase's answers, tallied as they come; a phase may be run in several
 * parts (e.g. before and after another phase, so that the machine's drift
 * falls on both sides) and is summarised once, over all its answers.
 */
export class Phase {
  private readonly latencies: number[] = [];
  private readonly kinds = new Map<string, { latencies: number[]; non2xx: number; cache: Record<string, number> }>();
  private readonly statuses: Record<string, number> = {};
  private readonly cache: Record<string, number> = {};
  private non2xx = 0;
  /** When (performance.now(), ms) each answer of a second or more arrived, and its kind. */
  private readonly slowAnswers: { at: number; kind: string }[] = [];
  /** Seconds of load, summed over the parts. */
  seconds = 0;
  timeouts = 0;
  connectionErrors = 0;
  /** CPU seconds used during the parts, when known. */
  cpuSeconds: { server: number; generator: number; others: number } | null = { server: 0, generator: 0, others: 0 };
  serverRssMb: number | null = null;

  constructor(
    readonly name: string,
    readonly connections: number,
  ) {}

  record(kind: string, status: number, ms: number, cacheHeader: string | undefined): void {
    const cache = cacheHeader ?? 'none';
    this.latencies.push(ms);
    let k = this.kinds.get(kind);
    if (!k) this.kinds.set(kind, (k = { latencies: [], non2xx: 0, cache: {} }));
    k.latencies.push(ms);
    if (ms >= 1000) this.slowAnswers.push({ at: performance.now(), kind });
    add(k.cache, cache);
    add(this.cache, cache);
    if (status !== 200) add(this.statuses, String(status));
    if (status < 200 || status > 299) {
      this.non2xx += 1;
      k.non2xx += 1;
    }
  }

  get count(): number {
    return this.latencies.length;
  }

  result(): PhaseResult {
    const sorted = [...this.latencies].sort((a, b) => a - b);
    const byKind: Record<string, KindSummary> = {};
    for (const [kind, k] of [...this.kinds].sort((a, b) => b[1].latencies.length - a[1].latencies.length)) {
      const s = [...k.latencies].sort((a, b) => a - b);
      byKind[kind] = { requests: s.length, p50: Math.round(percentile(s, 0.5)), p99: Math.round(percentile(s, 0.99)), non2xx: k.non2xx, cache: k.cache };
    }
    const perSecond = (x: number) => (this.seconds > 0 ? x / this.seconds : 0);
    return {
      name: this.name,
      connections: this.connections,
      seconds: this.seconds,
      requests: sorted.length,
      rps: perSecond(sorted.length),
      p50: Math.round(percentile(sorted, 0.5)),
      p99: Math.round(percentile(sorted, 0.99)),
      errors: { non2xx: this.non2xx, timeouts: this.timeouts, connection: this.connectionErrors },
      statuses: this.statuses,
      cache: this.cache,
      byKind,
      cpu: this.cpuSeconds && { server: perSecond(this.cpuSeconds.server), generator: perSecond(this.cpuSeconds.generator), others: perSecond(this.cpuSeconds.others) },
      serverCpuMsPerRequest: this.cpuSeconds && sorted.length > 0 ? (this.cpuSeconds.server * 1000) / sorted.length : null,
      serverRssMb: this.serverRssMb,
      slow: this.slowSummary(),
    };
  }

  private slowSummary(): SlowAnswers {
    const perSecond = new Map<number, number>();
    const byKind: Record<string, number> = {};
    for (const { at, kind } of this.slowAnswers) {
      const second = Math.floor(at / 1000);
      perSecond.set(second, (perSecond.get(second) ?? 0) + 1);
      add(byKind, kind);
    }
    return { count: this.slowAnswers.length, distinctSeconds: perSecond.size, busiestSecondCount: Math.max(0, ...perSecond.values()), byKind };
  }
}

/**
 * A Zipf law over ranks 0…n-1 (rank r drawn with weight 1/(r+1)^s): returns
 * a function that draws one rank. Inverse CDF by binary search, so a draw
 * costs about log2(n) steps.
 */
export function zipfSampler(n: number, s = 1, random: () => number = Math.random): () => number {
  if (n < 1) throw new Error('a Zipf law needs at least one rank');
  const cdf = new Float64Array(n);
  let total = 0;
  for (let r = 0; r < n; r++) cdf[r] = total += 1 / (r + 1) ** s;
  return () => {
    const u = random() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cdf[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

export type ReaderMix = {
  /** Article paths by popularity, most read first; the array may grow at the front while the mix runs (a new story). */
  articles: string[];
  /** How many of `articles`' ranks the law spreads over (fixed when the sampler was built). */
  home: string;
  sections: string[];
  /** Shares of all requests; articles get the rest. */
  homeShare: number;
  sectionShare: number;
  /** Paths published during the run, for the `new story` kind. */
  fresh?: Set<string>;
};

/**
 * Readers: `homeShare` of requests to the home page, `sectionShare` spread
 * evenly over the section pages, the rest to articles drawn by `rank`
 * (a {@link zipfSampler}) from `mix.articles` as it stands at that moment.
 */
export function readerPicker(mix: ReaderMix, rank: () => number, random: () => number = Math.random): () => Target {
  return () => {
    const u = random();
    if (u < mix.homeShare) return { path: mix.home, kind: 'home' };
    if (u < mix.homeShare + mix.sectionShare) return { path: mix.sections[Math.floor(random() * mix.sections.length)]!, kind: 'section' };
    const path = mix.articles[rank()]!;
    return { path, kind: mix.fresh?.has(path) ? 'new story' : 'article' };
  };
}

/** `<loc>` (as a path) and `<lastmod>` of every entry of a sitemap or sitemap index. */
export function parseSitemap(xml: string): { path: string; lastmod: string | null }[] {
  const entries = [...xml.matchAll(/<(url|sitemap)>([\s\S]*?)<\/\1>/g)];
  return entries.flatMap((m) => {
    const loc = /<loc>\s*([^<\s]+)\s*<\/loc>/.exec(m[2]!)?.[1];
    if (!loc) return [];
    const lastmod = /<lastmod>\s*([^<\s]+)\s*<\/lastmod>/.exec(m[2]!)?.[1] ?? null;
    return [{ path: new URL(loc.replace(/&amp;/g, '&'), 'http://x').pathname, lastmod }];
  });
}

type Snapshot = { at: number; machineBusy: number; server: number | null; self: number };

const TICKS = 100; // USER_HZ on Linux

// Busy CPU seconds of the whole machine (/proc/stat: every state but idle and iowait).
function machineBusySeconds(): number {
  const fields = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = fields.slice(0, 8).reduce((a, b) => a + b, 0);
  return (total - fields[3]! - fields[4]!) / TICKS;
}

function snapshot(serverPid: number | null): Snapshot {
  const self = process.cpuUsage();
  let server: number | null = null;
  try {
    server = serverPid ? cpuSeconds(serverPid) : null;
  } catch {
    server = null; // the process is gone
  }
  return { at: performance.now(), machineBusy: machineBusySeconds(), server, self: (self.user + self.system) / 1e6 };
}

// CPU seconds between two snapshots: the server's, the load generator's (this process), and the rest of the machine's.
function cpuBetween(a: Snapshot, b: Snapshot): { server: number; generator: number; others: number } | null {
  if (a.server === null || b.server === null) return null;
  const server = b.server - a.server;
  const generator = b.self - a.self;
  // Other people's processes (and our own helpers, e.g. npm, the editor's fetches are in `generator`).
  const others = Math.max(0, b.machineBusy - a.machineBusy - server - generator);
  return { server, generator, others };
}

/** What a phone's browser (and Googlebot) sends: every page it reads is compressed. */
export const BROWSER_HEADERS: Readonly<Record<string, string>> = Object.freeze({ 'accept-encoding': 'gzip, deflate, br' });

export type LoadOptions = {
  origin: string;
  next: () => Target;
  /** Stop after this many requests (a crawl), or … */
  amount?: number;
  /** … after this many seconds. */
  seconds?: number;
  /** Seconds without an answer before autocannon counts a timeout and reconnects. */
  timeoutSeconds?: number;
  /** The server's pid, for its CPU and memory. */
  serverPid?: number | null;
  /** Request headers on every request (e.g. a browser's `accept-encoding`). */
  headers?: Record<string, string>;
};

function headerValue(headers: Record<string, string | string[] | undefined> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  let value = headers[name];
  if (value === undefined) {
    const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
    value = key ? headers[key] : undefined;
  }
  return Array.isArray(value) ? value.join(',') : value;
}

/**
 * Load into `phase`: `phase.connections` keep-alive connections, each
 * sending its next request (from `next`) as soon as the last is answered,
 * for `seconds` or until `amount` requests have been answered.
 */
export async function runLoad(phase: Phase, options: LoadOptions): Promise<Phase> {
  const { origin, next, amount, seconds, timeoutSeconds = 10, serverPid = null, headers } = options;
  if (!amount === !seconds) throw new Error('give either amount or seconds');
  type Context = { kind?: string; sent?: number };
  const before = snapshot(serverPid);
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    autocannon(
      {
        url: origin,
        connections: phase.connections,
        ...(amount ? { amount } : { duration: seconds }),
        timeout: timeoutSeconds,
        ...(headers ? { headers } : {}),
        requests: [
          {
            // autocannon builds each request right before writing it: this is when it is sent.
            setupRequest: (request, context) => {
              const target = next();
              const c = context as Context;
              c.kind = target.kind;
              c.sent = performance.now();
              return { ...request, method: 'GET', path: target.path };
            },
            // Called before the connection builds its next request, so the context is still this request's.
            onResponse: (status, _body, context, headers) => {
              const c = context as Context;
              phase.record(c.kind ?? 'unknown', status, performance.now() - (c.sent ?? performance.now()), headerValue(headers, 'x-nextjs-cache'));
            },
          },
        ],
      },
      (error, r) => (error ? reject(error) : resolve(r)),
    );
  });
  const after = snapshot(serverPid);
  // A timed run counts its set duration (autocannon stops there); a crawl runs until its last answer.
  phase.seconds += amount ? (after.at - before.at) / 1000 : seconds!;
  phase.timeouts += result.timeouts;
  phase.connectionErrors += result.errors - result.timeouts;
  const cpu = cpuBetween(before, after);
  if (!cpu || !phase.cpuSeconds) phase.cpuSeconds = null;
  else for (const k of ['server', 'generator', 'others'] as const) phase.cpuSeconds[k] += cpu[k];
  try {
    if (serverPid) phase.serverRssMb = readRssMb(serverPid);
  } catch {
    // the process is gone
  }
  return phase;
}
