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
  const { handleShutdownSignals, readShutdownOptions } = await import('./lib/ops/shutdown');
  if (!handleShutdownSignals(readShutdownOptions()) && process.env.NODE_ENV === 'production') {
    console.warn('Kiji: NEXT_MANUAL_SIG_HANDLE is not set, so Next.js handles SIGTERM itself: no bound on requests in flight, kept-alive connections keep taking requests, and the database and Redis are not closed (npm start sets it; deploy/README.md)');
  }
  const { getDatabase } = await import('./lib/db/global');
  const started = Date.now();
  await getDatabase();
  console.log(`Kiji: database ready in ${Date.now() - started} ms`);
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
