import type { RankingSnapshot } from './store';

/**
 * Past this age a window is not shown: either the job stopped recomputing,
 * or no view has been counted (the beacon or the counter is broken, or the
 * site has had no readers for an hour). Wrong rankings are worse than none.
 */
export const MAX_DATA_AGE_MS = 60 * 60_000;

/**
 * What a ranking window can show: `fresh` (show it), `stale` (its data is
 * older than MAX_DATA_AGE_MS), `empty` (nothing counted in it, or never
 * computed).
 */
export type WindowState = 'fresh' | 'stale' | 'empty';

/** Decides whether a computed window may be shown at `now`. `visibleCount` is how many of its articles are still public. */
export function decideWindowState(snapshot: RankingSnapshot | undefined, visibleCount: number, now: Date): WindowState {
  if (!snapshot) return 'empty';
  const t = now.getTime();
  if (t - Date.parse(snapshot.computedAt) > MAX_DATA_AGE_MS) return 'stale';
  if (snapshot.latestViewAt === null || visibleCount === 0) return 'empty';
  if (t - Date.parse(snapshot.latestViewAt) > MAX_DATA_AGE_MS) return 'stale';
  return 'fresh';
}
