import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';

const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

export type BeaconResult = { name: string; rps: number; accepted: number; p50: number; p99: number; errors: number };

/**
 * POSTs view beacons as fast as `connections` connections allow. Every
 * request is a different reader (its own User-Agent, so its own visitor
 * hash) viewing one of `ids` in turn, so none is deduplicated: each 2xx is
 * a view the server accepted for counting.
 */
export async function loadBeacon(origin: string, path: string, name: string, ids: string[], duration: number, connections = 50): Promise<BeaconResult> {
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
            headers: { 'content-type': 'text/plain;charset=UTF-8', 'user-agent': `${CHROME} bench/${run}/${n}` },
            body: JSON.stringify({ id: ids[n % ids.length] }),
          };
        },
      },
    ],
  });
  const errors = r.errors + r.timeouts + r.non2xx;
  return { name, rps: r.requests.average, accepted: r['2xx'], p50: r.latency.p50, p99: r.latency.p99, errors };
}
