import pino, { type DestinationStream, type Logger } from 'pino';
import { currentRequestId } from './request-id';
import { readLogLevel, type LogLevel } from './settings';

/**
 * The server's one logger (docs/adr/0028-structured-logs.md): pino, one JSON
 * object a line on stdout, e.g.
 *
 * {"level":"info","time":"2026-12-04T09:00:00.000Z","pid":41,"hostname":"web1","module":"newsroom","reqId":"3f2a…","articleId":"abcd2345","editorId":"e1","msg":"article published"}
 *
 * - `module` says which part of the server wrote it; `reqId` is the request
 *   being handled (nginx's `$request_id`, lib/log/request-id.ts), absent for
 *   background work (timers, start, shutdown).
 * - Variable parts are fields, not text: ids, tags, counts, durations in ms
 *   (`ms`). Errors go in `err` (type, message, stack).
 * - Level from LOG_LEVEL (default info). Nothing personal or secret is logged
 *   on purpose: account ids, not logins or addresses; no IP address
 *   unless keyed-hashed. Fields under {@link REDACTED_KEYS} are replaced by
 *   `[redacted]` whatever the caller passes.
 *
 * Writes are synchronous (stdout is a pipe or a file under a service
 * manager), so the last lines before `process.exit` are not lost.
 */

export type { Logger } from 'pino';
export { currentRequestId, trackRequestIds, toRequestId, newRequestId } from './request-id';

/**
 * Keys whose values never reach the log, at the top of a line's fields or one
 * level down (`{ editor: { login } }`, an error's own properties): passwords
 * and tokens, cookies and authorization headers, secrets and connection URLs
 * (which may hold a password), and what identifies a person (mail and IP
 * addresses, login names).
 */
export const REDACTED_KEYS = [
  'password',
  'newPassword',
  'token',
  'csrf',
  'secret',
  'cookie',
  'cookies',
  'authorization',
  'set-cookie',
  'sessionId',
  'databaseUrl',
  'redisUrl',
  'smtpUrl',
  'connectionString',
  'email',
  'mail',
  'address',
  'ip',
  'login',
] as const;

/** `key` under `prefix` in pino's path syntax (brackets for names like `set-cookie`). */
const under = (prefix: string, key: string) => (/^\w+$/.test(key) ? (prefix ? `${prefix}.${key}` : key) : `${prefix}["${key}"]`);
const REDACT_PATHS = REDACTED_KEYS.flatMap((key) => ['', '*', 'headers', '*.headers'].map((prefix) => under(prefix, key)));

/** A logger with the site's fields, levels and redaction, writing to `destination` (stdout when omitted). */
export function createLogger(destination?: DestinationStream, level: LogLevel = readLogLevel()): Logger {
  return pino(
    {
      level,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      mixin: () => {
        const reqId = currentRequestId();
        return reqId ? { reqId } : {};
      },
    },
    destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

type State = { root: Logger; modules: Map<string, Logger> };
// On globalThis: every server bundle (instrumentation, route handlers, pages) shares one logger and one stdout writer.
const SLOT = Symbol.for('kiji.log');

/**
 * The logger of one part of the server (`module` in each line). Look it up
 * where you log rather than keeping it at import time: it is made on first
 * use, after LOG_LEVEL is read.
 */
export function logger(module: string): Logger {
  const g = globalThis as typeof globalThis & { [SLOT]?: State };
  const state = (g[SLOT] ??= { root: createLogger(), modules: new Map() });
  let child = state.modules.get(module);
  if (!child) {
    child = state.root.child({ module });
    state.modules.set(module, child);
  }
  return child;
}
