import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { findNextDue, publishDueArticles } from './articles';
import { invalidateTagsInProcess } from './invalidate';
import { refreshAfterInvalidation } from './warm';
import { refreshRouting } from './routing';
import { logger } from '../log';

/**
 * Scheduled publishing inside the server process. A timer wakes when the
 * next scheduled article is due (and at least every 30 s, to notice
 * schedules made on other instances) and publishes it in this process: the
 * page cache is invalidated outside any request, as other instances' changes
 * are (docs/adr/0024-invalidation-across-instances.md), so the timer needs
 * no request to its own server. Nothing is kept in memory that a restart
 * could lose: the schedule is the articles table, so on start the first
 * tick publishes whatever fell due while the server was down.
 */

/** The longest the scheduler sleeps (ms): also how stale another instance's 410/301 list can get. */
export const SCHEDULER_MAX_SLEEP_MS = 30_000;
/** After a failed tick (the database unreachable), try again this soon (ms). */
const RETRY_MS = 1_000;

type SchedulerState = { timer?: NodeJS.Timeout; wake: () => void; stopped: boolean; ticking: Promise<void> | null };
type Global = typeof globalThis & { __kijiScheduler?: SchedulerState };

/** Re-arms the timer now (after a schedule change in this process). */
export function wakeScheduler(): void {
  (globalThis as Global).__kijiScheduler?.wake();
}

/** Stops the timer and waits for a tick in progress (graceful shutdown, lib/ops/shutdown.ts); what falls due meanwhile is published by the next instance or start. */
export async function stopScheduler(): Promise<void> {
  const state = (globalThis as Global).__kijiScheduler;
  if (!state) return;
  state.stopped = true;
  clearTimeout(state.timer);
  await state.ticking;
}

/**
 * Starts the process's scheduler once; later calls do nothing. Each tick runs
 * in this process, outside any request: it publishes what is due and marks
 * the pages it changes stale in this process's page cache (and, through the
 * record and the announcement, on every other instance), then warms them
 * from `internalUrl`.
 */
export function startScheduler(db: Kysely<Database>, internalUrl: string): void {
  const g = globalThis as Global;
  if (g.__kijiScheduler) return;
  const state: SchedulerState = { wake: () => arm(0), stopped: false, ticking: null };
  g.__kijiScheduler = state;

  function arm(ms: number): void {
    clearTimeout(state.timer);
    if (state.stopped) return;
    state.timer = setTimeout(() => {
      state.ticking = tick().finally(() => (state.ticking = null));
    }, ms);
    // The timer must not keep a process alive that is otherwise done (tests, CLI).
    state.timer.unref();
  }

  async function tick(): Promise<void> {
    let sleep = SCHEDULER_MAX_SLEEP_MS;
    const started = Date.now();
    try {
      await refreshRouting(db);
      const next = await findNextDue(db);
      if (next && next.getTime() <= Date.now()) {
        const published = await publishDue(db, internalUrl);
        if (published.length > 0) logger('scheduler').info({ articleIds: published, count: published.length, ms: Date.now() - started }, 'published scheduled articles');
        sleep = 0;
      } else if (next) {
        sleep = Math.min(SCHEDULER_MAX_SLEEP_MS, next.getTime() - Date.now());
      }
    } catch (error) {
      // The database unreachable for a moment, typically: try again soon.
      logger('scheduler').error({ err: error, retryMs: RETRY_MS }, 'scheduler tick failed');
      sleep = RETRY_MS;
    }
    logger('scheduler').debug({ ms: Date.now() - started, nextTickMs: Math.max(0, sleep) }, 'scheduler ran');
    arm(Math.max(0, sleep));
  }

  arm(0);
}

/** Publishes the scheduled articles that are due, everywhere at once; returns their ids. */
export async function publishDue(db: Kysely<Database>, internalUrl: string, now = new Date()): Promise<string[]> {
  const { published, invalidate } = await publishDueArticles(db, now);
  await invalidateTagsInProcess(db, invalidate, now);
  if (published.length > 0) await refreshRouting(db);
  void refreshAfterInvalidation(internalUrl, invalidate);
  return published;
}
