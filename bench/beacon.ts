import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { checkBeaconHeaders, parseBeaconBody } from '../lib/rankings/beacon';
import { ingestView, type ViewCounter } from '../lib/rankings/ingest';

const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

/**
 * The address of reader `n` of a run (`run`: 4 random bytes, hex): an IPv6
 * address in a /64 of its own, since the rankings count one visitor per
 * address (per /64 for IPv6), whatever its User-Agent.
 */
function toReaderAddress(run: string, n: number): string {
  return `fd00:${run.slice(0, 4)}:${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}::1`;
}

export type BeaconResult = {
  name: string;
  rps: number;
  accepted: number;
  p50: number;
  p99: number;
  errors: number;
  /** CPU the server process spent per answered request, in µs (Linux /proc; null elsewhere). */
  serverCpuMicros: number | null;
};

// CPU seconds (user + system) a process has used, from /proc/<pid>/stat (clock ticks of 1/100 s on Linux).
function readCpuSeconds(pid: number | null): number | null {
  if (pid === null) return null;
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/**
 * POSTs view beacons as fast as `connections` connections allow, and reads
 * how much CPU the server process spent on them: unlike requests per
 * second, CPU per request hardly moves when other programs share the machine. Every
 * request is a different reader (its own address in X-Forwarded-For, which
 * the server believes with KIJI_TRUSTED_PROXY_HOPS=1, so its own visitor)
 * viewing one of `ids` in turn, so none is deduplicated or capped: each 2xx
 * is a view the server accepted for counting.
 */
export async function loadBeacon(
  origin: string,
  path: string,
  name: string,
  ids: string[],
  duration: number,
  { connections = 50, serverPid = null }: { connections?: number; serverPid?: number | null } = {},
): Promise<BeaconResult> {
  const cpuBefore = readCpuSeconds(serverPid);
  let n = 0;
  // Unique to this call: a reader of an earlier row must not reappear (and be deduplicated) in this one.
  const run = randomBytes(4).toString('hex');
  const r = await autocannon({
    url: origin + path,
    connections,
    duration,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          n += 1;
          return {
            ...request,
            headers: { 'content-type': 'text/plain;charset=UTF-8', 'user-agent': CHROME, 'x-forwarded-for': toReaderAddress(run, n) },
            body: JSON.stringify({ id: ids[n % ids.length] }),
          };
        },
      },
    ],
  });
  const cpuAfter = readCpuSeconds(serverPid);
  const errors = r.errors + r.timeouts + r.non2xx;
  const answered = r['2xx'] + r.non2xx;
  const serverCpuMicros = cpuBefore !== null && cpuAfter !== null && answered > 0 ? ((cpuAfter - cpuBefore) * 1e6) / answered : null;
  return { name, rps: r.requests.average, accepted: r['2xx'], p50: r.latency.p50, p99: r.latency.p99, errors, serverCpuMicros };
}

export type IngestResult = { backend: string; views: number; viewsPerSecond: number; cpuMicrosPerView: number; counted: number };

/**
 * The counting layer alone, in this process, without HTTP: `views` beacons
 * (headers checked, body parsed, id checked, filtered, deduplicated,
 * buffered, written in batches) from 50 concurrent callers, each a new
 * reader. Shows what the code behind the route costs next to Next.js's own
 * per-request work, which the HTTP rows include.
 */
export async function measureIngest(backend: string, counter: ViewCounter, ids: string[], views: number, countStored: () => Promise<number>): Promise<IngestResult> {
  const before = await countStored();
  const run = randomBytes(4).toString('hex');
  let next = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: 50 }, async () => {
      for (let i = next++; i < views; i = next++) {
        const headers = new Headers({ 'content-type': 'text/plain;charset=UTF-8', 'user-agent': CHROME, 'x-forwarded-for': toReaderAddress(run, i) });
        if (checkBeaconHeaders(headers)) throw new Error('headers refused');
        const input = parseBeaconBody(JSON.stringify({ id: ids[i % ids.length] }));
        if (!input.ok || (await ingestView(counter, input.articleId, headers)) !== 'counted') throw new Error('view not counted');
      }
    }),
  );
  await counter.buffer.flush();
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return { backend, views, viewsPerSecond: views / seconds, cpuMicrosPerView: (cpu.user + cpu.system) / views, counted: (await countStored()) - before };
}
