import type { RankingSnapshot, ViewStore } from './store';
import { RANKING_PERIODS, shiftHourKey, toHourKey } from './windows';

/** The job recomputes at most once per this many ms, across every process and instance. */
export const RANKING_JOB_LEASE_MS = 60_000;

/** Ids kept per window: more than the ten shown, so articles unpublished since can drop out and still leave ten. */
export const SNAPSHOT_SIZE = 30;

/** Hours of buckets kept: the month window plus a day's margin. */
export const RETAIN_HOURS = 31 * 24;

/** Sums every window from the raw counts. The expensive part: only the job calls it. */
export async function computeRankings(store: ViewStore, now: Date): Promise<RankingSnapshot[]> {
  const latestViewAt = await store.getLatestViewAt();
  const computedAt = now.toISOString();
  return Promise.all(
    RANKING_PERIODS.map(async (period) => ({
      period,
      computedAt,
      latestViewAt,
      entries: await store.sumWindow(period, now, SNAPSHOT_SIZE),
    })),
  );
}

/**
 * One tick of the ranking job: if no process has recomputed within the
 * lease, recompute every window, save them for the pages, and drop buckets
 * older than the month window. Returns whether this call did the work.
 */
export async function runRankingJob(store: ViewStore, now = new Date()): Promise<boolean> {
  if (!(await store.claimJob(now, RANKING_JOB_LEASE_MS))) return false;
  await store.saveRankings(await computeRankings(store, now));
  await store.prune(shiftHourKey(toHourKey(now), RETAIN_HOURS - 1));
  return true;
}

