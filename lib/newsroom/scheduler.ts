import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { findNextDue } from './articles';
import { refreshRouting } from './routing';

/**
 * Scheduled publishing inside the server process. A timer wakes when the
 * next scheduled article is due (and at least every 30 s, to notice
 * schedules made on other instances); when something is due it calls this
 * server's own /api/newsroom/scheduler route, because publishing must
 * invalidate the page cache and `revalidateTag` only works inside a request.
 * Nothing is kept in memory that a restart could lose: the schedule is the
 * articles table, so on start the first tick publishes whatever fell due
 * while the server was down.
 */

/** The longest the scheduler sleeps (ms): also how stale another instance's 410/301 list can get. */
export const SCHEDULER_MAX_SLEEP_MS = 30_000;
/** While the server is not yet listening at start, or the call fails, try again this soon (ms). */
const RETRY_MS = 1_000;

type SchedulerState = { token: string; timer?: NodeJS.Timeout; wake: () => void; replayed: boolean; stopped: boolean; ticking: Promise<void> | null };
type Global = typeof globalThis & { __kijiScheduler?: SchedulerState };

/** The per-process token the scheduler's route accepts: only this process's timer can know it. */
export function getSchedulerToken(): string | undefined {
  return (globalThis as Global).__kijiScheduler?.token;
}

export function isSchedulerToken(value: string | null): boolean {
  const token = getSchedulerToken();
  if (!token || !value) return false;
  const a = Buffer.from(token);
  const b = Buffer.from(value);
  return a.length === b.length && timingSafeEqual(a, b);
}

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

/** Starts the process's scheduler once; later calls do nothing. */
export function startScheduler(db: Kysely<Database>, baseUrl: string): void {
  const g = globalThis as Global;
  if (g.__kijiScheduler) return;
  const state: SchedulerState = { token: randomBytes(32).toString('base64url'), wake: () => arm(0), replayed: false, stopped: false, ticking: null };
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
    try {
      await refreshRouting(db);
      const next = await findNextDue(db);
      // The first call after start also replays recent cache invalidations (lib/newsroom/invalidate.ts).
      if (!state.replayed || (next && next.getTime() <= Date.now())) {
        const response = await fetch(`${baseUrl}/api/newsroom/scheduler`, {
          method: 'POST',
          headers: { 'x-kiji-scheduler': state.token, ...(state.replayed ? {} : { 'x-kiji-replay': '1' }) },
          signal: AbortSignal.timeout(20_000),
        });
        if (!response.ok) throw new Error(`scheduler route answered ${response.status}`);
        const { published } = (await response.json()) as { published: string[] };
        if (published.length > 0) console.log(`Kiji: published ${published.length} scheduled article(s): ${published.join(', ')}`);
        state.replayed = true;
        sleep = 0;
      } else if (next) {
        sleep = Math.min(SCHEDULER_MAX_SLEEP_MS, next.getTime() - Date.now());
      }
    } catch (error) {
      // Typically: the server is still starting and not listening yet.
      if (!(error instanceof TypeError)) console.error('Kiji: scheduler tick failed', error);
      sleep = RETRY_MS;
    }
    arm(Math.max(0, sleep));
  }

  arm(0);
}
