import type { Instrumentation } from 'next';

/**
 * Runs once when the server starts, before it takes requests: creates,
 * migrates and (on an empty database) seeds it, so the first reader never
 * waits for that and a broken database stops the start with a clear error;
 * then starts the background work: the ranking job, the newsletter outbox
 * worker and the newsroom (routing snapshot, demo editor, scheduler). Each
 * says how it stops; SIGTERM and SIGINT stop them all after the requests in
 * flight are answered (lib/ops/shutdown.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  // First, so every request's log lines carry its id; nginx's X-Request-Id only when a proxy is trusted (lib/log/request-id.ts).
  const { logger, trackRequestIds } = await import('./lib/log');
  const { readTrustedProxyHops } = await import('./lib/http/client-address');
  trackRequestIds({ trustHeader: readTrustedProxyHops() > 0 });
  const log = logger('server');
  const { handleShutdownSignals, readShutdownOptions } = await import('./lib/ops/shutdown');
  if (!handleShutdownSignals(readShutdownOptions()) && process.env.NODE_ENV === 'production') {
    log.warn('NEXT_MANUAL_SIG_HANDLE is not set, so Next.js handles SIGTERM itself: no bound on requests in flight, kept-alive connections keep taking requests, and the database and Redis are not closed (npm start sets it; deploy/README.md)');
  }
  const { getDatabase } = await import('./lib/db/global');
  const started = Date.now();
  await getDatabase();
  log.info({ ms: Date.now() - started }, 'database ready');
  // 人気ランキング: demo view history on first start, then the ranking job's timer.
  const { startRankingJob } = await import('./lib/rankings/runtime');
  await startRankingJob();

  // The newsletter's outbox worker sends queued mail from this process (lib/newsletter/worker.ts).
  const { startOutboxWorker } = await import('./lib/newsletter/runtime');
  await startOutboxWorker();

  // The newsroom: routing snapshot (410/301), demo editor, and the scheduler that publishes on time.
  const { startNewsroom } = await import('./lib/newsroom/server-start');
  await startNewsroom();
}

/**
 * A request that failed on the server (a page, a route handler, a server
 * action, proxy.ts): one error line with its id, the route's pattern and
 * Next.js's digest (shown to the reader on the error page), after Next.js's
 * own report. The pattern, not the path: a path can carry a preview token,
 * and a query string a mail token or what a reader searched for.
 */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { logger } = await import('./lib/log');
  const digest = error instanceof Error && 'digest' in error ? error.digest : undefined;
  logger('server').error(
    { err: error, method: request.method, route: context.routePath, routeType: context.routeType, ...(context.revalidateReason ? { revalidate: context.revalidateReason } : {}), digest },
    'request failed',
  );
};
