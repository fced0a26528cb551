import { z } from 'zod';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const level = z.enum(LOG_LEVELS).default('info');

/** LOG_LEVEL (see .env.example): the least severe level written, default `info`; another value is an error naming the variable. */
export function readLogLevel(env: Record<string, string | undefined> = process.env): LogLevel {
  const parsed = level.safeParse(env.LOG_LEVEL || undefined);
  if (!parsed.success) throw new Error(`Invalid settings: LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, not "${env.LOG_LEVEL}"`);
  return parsed.data;
}
