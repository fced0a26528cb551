import { logger } from '../log';

/**
 * Whether a write failed because the disk (or the database's size limit) is
 * full: SQLite's SQLITE_FULL, PostgreSQL's disk_full (53100) and out-of-
 * memory-for-storage codes, or ENOSPC from a file write. Such a failure is
 * the server's condition, not the request's fault, and passes: callers answer
 * 503 with a message a person can act on, never a bare 500.
 */
export function isStorageFull(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (code === 'SQLITE_FULL' || code === '53100' || code === '53200' || code === 'ENOSPC') return true;
  }
  return false;
}

/** What a person sees when a save fails for lack of space; nothing was kept. */
export const STORAGE_FULL_MESSAGE = 'ただいまサーバーの保存領域が不足しているため、受け付けられませんでした。内容は保存されていません。しばらく時間をおいてから、もう一度お試しください。';

/** How long to suggest waiting before retrying (Retry-After, seconds). */
export const STORAGE_FULL_RETRY_SECONDS = 300;

// Socket errors of a database that is down, restarting or unreachable.
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'EAI_AGAIN']);
// PostgreSQL's SQLSTATEs for the same: class 08 (connection exception),
// admin_shutdown, crash_shutdown, cannot_connect_now (starting or stopping),
// too_many_connections.
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
// node-postgres says these in words only (no code).
const UNREACHABLE_MESSAGES = /^(Connection terminated|timeout expired|timeout exceeded when trying to connect|Client has encountered a connection error)/;

/**
 * Whether a query failed because the database server cannot be reached
 * (stopped, restarting, unreachable, out of connections), not because of the
 * query: the request may succeed later unchanged, so callers answer 503 with
 * {@link DATABASE_UNAVAILABLE_MESSAGE} and `Retry-After`, never a 500
 * (docs/adr/0026-database-outage.md).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, message, errors } = e as { code?: unknown; message?: unknown; errors?: unknown };
    if (typeof code === 'string' && (UNREACHABLE_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code) || code.startsWith('08'))) return true;
    if (typeof message === 'string' && UNREACHABLE_MESSAGES.test(message)) return true;
    // Node's connect to a name with several addresses fails with all of them.
    if (Array.isArray(errors) && errors.length > 0 && errors.every((inner) => isDatabaseUnavailable(inner))) return true;
  }
  return false;
}

/** What a person sees when a request needs the database and it is down: nothing was done, try again later. */
export const DATABASE_UNAVAILABLE_MESSAGE = 'ただいまシステムの不具合により処理できません。しばらくしてからもう一度お試しください。';

/** How long to suggest waiting before retrying while the database is down (Retry-After, seconds). */
export const DATABASE_UNAVAILABLE_RETRY_SECONDS = 30;

/** A failure that is the server's condition, not the request's: its message and Retry-After; null for anything else. */
export type ServerFault = { kind: 'storage-full' | 'database-unavailable'; message: string; retryAfterSeconds: number };

/** Classifies `error` as a {@link ServerFault} (a full disk, a database that cannot be reached) or null. */
export function toServerFault(error: unknown): ServerFault | null {
  if (isStorageFull(error)) return { kind: 'storage-full', message: STORAGE_FULL_MESSAGE, retryAfterSeconds: STORAGE_FULL_RETRY_SECONDS };
  if (isDatabaseUnavailable(error)) return { kind: 'database-unavailable', message: DATABASE_UNAVAILABLE_MESSAGE, retryAfterSeconds: DATABASE_UNAVAILABLE_RETRY_SECONDS };
  return null;
}

type FaultLog = typeof globalThis & { __kijiDatabaseFaultLog?: Map<string, number> };

/** How often a background task repeats that the database is unreachable (ms): once a minute, not once a poll. */
const UNAVAILABLE_LOG_INTERVAL_MS = 60_000;

/**
 * Logs a background task's failure as `module` (lib/log; `what`: "could not
 * reload article routing"). While the database is unreachable the routing
 * snapshot, the invalidation log, the outbox and the ranking job each fail
 * every second or few; they say so in one line each, at most once a minute,
 * instead of a stack trace per poll. Any other error is logged in full, every time.
 */
export function reportBackgroundError(module: string, what: string, error: unknown): void {
  if (!isDatabaseUnavailable(error)) {
    logger(module).error({ err: error }, what);
    return;
  }
  const log = ((globalThis as FaultLog).__kijiDatabaseFaultLog ??= new Map());
  const now = Date.now();
  const key = `${module}: ${what}`;
  if (now - (log.get(key) ?? 0) < UNAVAILABLE_LOG_INTERVAL_MS) return;
  log.set(key, now);
  logger(module).error({ reason: error instanceof Error ? error.message : String(error), repeatsAfterMs: UNAVAILABLE_LOG_INTERVAL_MS }, `${what}: database unavailable`);
}

/** Logs a request answered 503 for a {@link ServerFault}: its kind and the error's message (the stack says nothing here). */
export function logServerFault(module: string, fault: ServerFault, error: unknown): void {
  logger(module).error({ fault: fault.kind, reason: error instanceof Error ? error.message : String(error) }, fault.kind === 'storage-full' ? 'storage full; answered 503' : 'database unavailable; answered 503');
}
