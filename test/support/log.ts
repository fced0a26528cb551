import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../lib/log';

/**
 * Tests only: what the server logs, captured in memory and parsed.
 * `memoryLogger()` is a logger with the site's options (redaction, request
 * ids) to pass where a logger is taken; `captureLog()` also puts it in the
 * place of the process's one (lib/log's globalThis slot) until `restore()`,
 * for code that logs through `logger(module)`.
 */

export type LogEntry = { level: string; msg: string; module?: string; reqId?: string; [field: string]: unknown };

export function memoryLogger(level: 'debug' | 'info' = 'debug'): { logger: Logger; entries: () => LogEntry[] } {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { logger: createLogger(destination, level), entries: () => lines.map((line) => JSON.parse(line) as LogEntry) };
}

export function captureLog(level: 'debug' | 'info' = 'debug'): { logger: Logger; entries: () => LogEntry[]; restore: () => void } {
  const memory = memoryLogger(level);
  const g = globalThis as typeof globalThis & Record<symbol, unknown>;
  const slot = Symbol.for('kiji.log');
  const previous = g[slot];
  g[slot] = { root: memory.logger, modules: new Map() };
  return { ...memory, restore: () => void (g[slot] = previous) };
}
