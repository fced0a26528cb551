import autocannon from 'autocannon';
import { readRssMb } from './server';

export type MemoryMix = {
  /** Cached article pages, visited in turn. */
  articlePaths: string[];
  /** Section pages, visited in turn. */
  sectionPaths: string[];
  /** Articles expired (POST /api/revalidate) and then requested, one pair in every 100 requests: a fresh render each. */
  uncachedIds: string[];
  revalidateSecret: string;
};

export type MemoryResult = {
  requests: number;
  seconds: number;
  errors: number;
  /** The errors by kind: connection errors, timeouts (10 s without an answer), answers other than 2xx. */
  errorKinds: { failed: number; timeouts: number; non2xx: number };
  /** RSS right after each block of the run (`block` requests each): a plateau or a climb. */
  rssByBlockMb: number[];
  block: number;
  rssBeforeMb: number;
  rssAfterMb: number;
  rssSettledMb: number;
  /** RSS sampled every second during the run. */
  rssPeakMb: number;
  counts: Record<string, number>;
};

/**
 * `amount` requests at 50 connections in a fixed mix (of every 100: 48
 * cached articles, 25 home, 25 section pages, one article expired and one
 * request for it), reading the server's RSS before, right after, and after
 * `settleSeconds` of quiet.
 */
type MixRun = { errors: number; errorKinds: MemoryResult['errorKinds']; counts: Record<string, number>; seconds: number };

export async function loadMix(origin: string, amount: number, mix: MemoryMix, { connections = 50 } = {}): Promise<MixRun> {
  let n = 0;
  let expired = 0;
  const counts: Record<string, number> = { article: 0, home: 0, section: 0, expire: 0, uncached: 0, rendered: 0 };
  const started = Date.now();
  const r = await autocannon({
    url: origin,
    connections,
    amount,
    requests: [
      {
        setupRequest: (request, state) => {
          const context = state as { kind?: string };
          const slot = n % 100;
          n += 1;
          if (slot === 0) {
            counts.expire! += 1;
            context.kind = 'expire';
            const id = mix.uncachedIds[expired++ % mix.uncachedIds.length]!;
            return {
              ...request,
              method: 'POST',
              path: '/api/revalidate',
              headers: { ...request.headers, authorization: `Bearer ${mix.revalidateSecret}`, 'content-type': 'application/json' },
              body: JSON.stringify({ tags: [`article:${id}`] }),
            };
          }
          const get = (path: string, kind: string) => {
            counts[kind]! += 1;
            context.kind = kind;
            return { ...request, method: 'GET' as const, path };
          };
          if (slot === 1) return get(`/articles/${mix.uncachedIds[(expired - 1) % mix.uncachedIds.length]}`, 'uncached');
          if (slot < 50) return get(mix.articlePaths[n % mix.articlePaths.length]!, 'article');
          if (slot < 75) return get('/', 'home');
          return get(mix.sectionPaths[n % mix.sectionPaths.length]!, 'section');
        },
        // Answered before the connection builds its next request, so `kind` is still this request's.
        onResponse: (_status, _body, state, headers) => {
          if ((state as { kind?: string }).kind === 'uncached' && headers?.['x-nextjs-cache'] !== 'HIT') counts.rendered! += 1;
        },
      },
    ],
  });
  return {
    errors: r.errors + r.timeouts + r.non2xx,
    errorKinds: { failed: r.errors, timeouts: r.timeouts, non2xx: r.non2xx },
    counts,
    seconds: (Date.now() - started) / 1000,
  };
}

/**
 * RSS before and after `amount` requests of the mix, after a warm-up of
 * `warmup` requests and `settleSeconds` of quiet. The run goes in blocks of
 * `block` requests with RSS read after each, so the table shows whether
 * memory climbs with every block (a leak) or moves around a level (caches at
 * their bounds, garbage collection timing).
 */
export async function measureMemory(
  origin: string,
  pid: number,
  mix: MemoryMix,
  { amount = 100_000, warmup = 40_000, settleSeconds = 10, block = 20_000 } = {},
): Promise<MemoryResult> {
  await loadMix(origin, warmup, mix);
  await new Promise((r) => setTimeout(r, settleSeconds * 1000));
  const rssBeforeMb = readRssMb(pid);
  let rssPeakMb = rssBeforeMb;
  const sampler = setInterval(() => {
    rssPeakMb = Math.max(rssPeakMb, readRssMb(pid));
  }, 1000);
  const runs: MixRun[] = [];
  const rssByBlockMb: number[] = [];
  try {
    for (let done = 0; done < amount; done += block) {
      runs.push(await loadMix(origin, Math.min(block, amount - done), mix));
      rssByBlockMb.push(readRssMb(pid));
    }
  } finally {
    clearInterval(sampler);
  }
  const rssAfterMb = readRssMb(pid);
  await new Promise((r) => setTimeout(r, settleSeconds * 1000));
  const rssSettledMb = readRssMb(pid);
  const sum = (pick: (run: MixRun) => number) => runs.reduce((n, run) => n + pick(run), 0);
  const counts: Record<string, number> = {};
  for (const run of runs) for (const [k, v] of Object.entries(run.counts)) counts[k] = (counts[k] ?? 0) + v;
  return {
    requests: amount,
    seconds: sum((run) => run.seconds),
    errors: sum((run) => run.errors),
    errorKinds: {
      failed: sum((run) => run.errorKinds.failed),
      timeouts: sum((run) => run.errorKinds.timeouts),
      non2xx: sum((run) => run.errorKinds.non2xx),
    },
    rssBeforeMb,
    rssAfterMb,
    rssSettledMb,
    rssPeakMb: Math.max(rssPeakMb, rssAfterMb),
    rssByBlockMb,
    block,
    counts,
  };
}
