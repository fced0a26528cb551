import { reportBackgroundError } from '../db/errors';
import type { RankingPeriod } from './windows';

/**
 * Where page views and computed rankings live. Two backends implement it:
 * a table in the site's own database (sql-store.ts, the embedded default)
 * and Redis sorted sets (redis-store.ts, with REDIS_URL). Everything above
 * this interface (buffering, the job, the pages) is the same for both.
 */

/** Views to add: JST hour key → article id → views. */
export type ViewCounts = Map<number, Map<string, number>>;

export type RankingEntry = { id: string; views: number };

/** A window as the ranking job last computed it. Times are ISO-8601 UTC. */
export type RankingSnapshot = {
  period: RankingPeriod;
  computedAt: string;
  /** The newest counted view when it was computed; null when there were none. */
  latestViewAt: string | null;
  /** Most viewed first; more than a list shows, so unpublished articles can drop out and still leave ten. */
  entries: RankingEntry[];
};

export interface ViewStore {
  readonly kind: 'sql' | 'redis';
  /** Adds one batch of counts and moves the newest-view time to `latestViewAt`. */
  addViews(counts: ViewCounts, latestViewAt: Date): Promise<void>;
  /** Sums a window's hourly buckets at `now`, most viewed first. Scans raw counts: only the ranking job calls it. */
  sumWindow(period: RankingPeriod, now: Date, limit: number): Promise<RankingEntry[]>;
  /** The newest counted view, or null when nothing was ever counted. */
  getLatestViewAt(): Promise<string | null>;
  saveRankings(snapshots: RankingSnapshot[]): Promise<void>;
  /** The computed windows; a window never computed is absent. */
  readRankings(): Promise<RankingSnapshot[]>;
  /**
   * Takes the ranking job's lease for `leaseMs` when nobody (no process,
   * no instance) has taken it within that time. True: this caller runs the job.
   */
  claimJob(now: Date, leaseMs: number): Promise<boolean>;
  /** Drops buckets older than `beforeHour`. */
  prune(beforeHour: number): Promise<void>;
  /** True for the first caller ever to mark `name` (across processes and instances), false for every later one. */
  markOnce(name: string, now: Date): Promise<boolean>;
}

/** Adds `n` views of `id` in `hour` to a batch. */
export function addToCounts(counts: ViewCounts, hour: number, id: string, n = 1): void {
  let perArticle = counts.get(hour);
  if (!perArticle) {
    perArticle = new Map();
    counts.set(hour, perArticle);
  }
  perArticle.set(id, (perArticle.get(id) ?? 0) + n);
}

/** Sorts by views, most first, ties by id so both backends agree on order. */
export function compareEntries(a: RankingEntry, b: RankingEntry): number {
  return b.views - a.views || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * A store that cannot be reached right now (Redis down, or not answering).
 * Its connection logs an outage once when it starts and once when it ends
 * (redis-store.ts), so the many calls failing in between stay quiet: see
 * reportStoreError.
 */
export class StoreUnavailableError extends Error {
  readonly code = 'KIJI_STORE_UNAVAILABLE';
  override name = 'StoreUnavailableError';
}

/**
 * Whether `error` is a StoreUnavailableError. By its code, not instanceof:
 * Next.js bundles this module once per server bundle (pages, route
 * handlers, instrumentation), while the store on globalThis is built by one
 * of them.
 */
export function isStoreUnavailable(error: unknown): boolean {
  return error instanceof Error && (error as { code?: unknown }).code === 'KIJI_STORE_UNAVAILABLE';
}

/**
 * Logs a failed store call, unless it is a Redis outage its connection has
 * already logged; a database that cannot be reached (the store on SQLite or
 * PostgreSQL) is said once a minute (reportBackgroundError).
 */
export function reportStoreError(message: string, error: unknown): void {
  if (!isStoreUnavailable(error)) reportBackgroundError('rankings', message, error);
}
