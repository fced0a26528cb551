/**
 * The health report of one instance (GET /api/health): whether its database
 * answers a cheap query, and whether Redis answers a PING when the site uses
 * Redis. Meant for the cluster command, load balancers with active checks and
 * monitoring; nginx OSS only checks passively (deploy/README.md).
 *
 * - 200 when the database answers, 503 when it does not (or the instance is
 *   shutting down): a database outage is the one thing no page survives
 *   uncached. Redis down is reported but still 200, because the site serves
 *   pages without it (docs/adr/0023).
 * - Bounded: each probe gets PROBE_TIMEOUT_MS and they run side by side, so
 *   the answer comes in about a second at worst, even when a server never
 *   answers. A check asked while the previous one is still waiting joins it,
 *   so a hanging database does not collect a queue of probes.
 * - Says nothing that helps an attacker or names anyone: no URL, host, user,
 *   error text or counts; the logs have those.
 */

export type ProbeState = 'up' | 'down';

export type HealthReport = {
  /** ok: everything answers; degraded: Redis does not (pages still served); unavailable: the database does not; stopping: shutting down (SIGTERM). */
  status: 'ok' | 'degraded' | 'unavailable' | 'stopping';
  database: { engine: 'sqlite' | 'postgres'; state: ProbeState | 'not checked'; ms?: number };
  redis: { state: ProbeState | 'not used' | 'not checked'; ms?: number };
};

export type HealthProbes = {
  engine: 'sqlite' | 'postgres';
  /** Resolves when the database answered a query. */
  database: () => Promise<unknown>;
  /** Resolves when Redis answered; undefined when the site runs without Redis. */
  redis?: () => Promise<unknown>;
  /** True once the instance has begun shutting down. */
  stopping?: () => boolean;
};

/** How long each probe may take before it counts as down (ms). */
export const PROBE_TIMEOUT_MS = 800;

/** The report and its HTTP status. Never throws, never waits longer than about `timeoutMs`. */
export async function checkHealth(probes: HealthProbes, { timeoutMs = PROBE_TIMEOUT_MS }: { timeoutMs?: number } = {}): Promise<{ httpStatus: 200 | 503; report: HealthReport }> {
  if (probes.stopping?.()) {
    return { httpStatus: 503, report: { status: 'stopping', database: { engine: probes.engine, state: 'not checked' }, redis: { state: 'not checked' } } };
  }
  const [database, redis] = await Promise.all([
    timeProbe(probes.database, timeoutMs),
    probes.redis ? timeProbe(probes.redis, timeoutMs) : Promise.resolve(null),
  ]);
  const status = database.state === 'down' ? 'unavailable' : redis?.state === 'down' ? 'degraded' : 'ok';
  return {
    httpStatus: database.state === 'up' ? 200 : 503,
    report: { status, database: { engine: probes.engine, ...database }, redis: redis ?? { state: 'not used' } },
  };
}

async function timeProbe(probe: () => Promise<unknown>, timeoutMs: number): Promise<{ state: ProbeState; ms: number }> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  const outcome = await Promise.race([
    Promise.resolve()
      .then(probe)
      .then(() => 'up' as const, () => 'down' as const),
    timedOut,
  ]);
  clearTimeout(timer);
  return { state: outcome === 'up' ? 'up' : 'down', ms: Math.round(performance.now() - started) };
}

/**
 * `probe`, except that a call made while an earlier one is still pending
 * shares it: a database that hangs gets one probe at a time, not one per
 * health check.
 */
export function coalesce<T>(probe: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () => {
    pending ??= probe().finally(() => {
      pending = null;
    });
    return pending;
  };
}
