/**
 * Runs once when the server starts, before it takes requests: creates,
 * migrates and (on an empty database) seeds it, so the first reader never
 * waits for that and a broken database stops the start with a clear error.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { getDatabase } = await import('./lib/db/global');
  const started = Date.now();
  await getDatabase();
  console.log(`Kiji: database ready in ${Date.now() - started} ms`);
  const { startNewsroom } = await import('./lib/newsroom/server-start');
  await startNewsroom();
}
