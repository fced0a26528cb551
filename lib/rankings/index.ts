import 'server-only';
import { unstable_cache } from 'next/cache';
import { CACHE_SECONDS, CACHE_TAGS } from '../cache/tags';
import { getDb } from '../db';
import { ingestView, type ViewOutcome } from './ingest';
import { readRankings } from './read';
import { getViewRuntime } from './runtime';

/**
 * 人気ランキング for pages: the three windows from the job's last snapshot,
 * cached for CACHE_SECONDS.rankings (the job recomputes at most once a
 * minute, so nothing fresher exists) and tagged `articles`, so an article
 * unpublished by the newsroom leaves every ranking at the same moment it
 * leaves the listings.
 */
export const getRankings = unstable_cache(
  async () => readRankings((await getViewRuntime()).rankings, await getDb(), new Date()),
  ['rankings'],
  { tags: [CACHE_TAGS.rankings, CACHE_TAGS.articles], revalidate: CACHE_SECONDS.rankings },
);

/**
 * The three windows read now, without Next.js's cache: for readers that must
 * not attach the rankings' tags and lifetime to a page (lib/rails). Never
 * waits on an unreachable store: the lists last read, or none.
 */
export async function readCurrentRankings() {
  return readRankings((await getViewRuntime()).rankings, await getDb(), new Date());
}

/** Counts (or declines to count) one beacon: see `ingestView`. */
export async function recordView(articleId: string, headers: Headers): Promise<ViewOutcome> {
  return ingestView(await getViewRuntime(), articleId, headers);
}

export { RANKING_SIZE, type RankingList, type RankedArticle } from './read';
export { PERIOD_LABELS, RANKING_PERIODS, type RankingPeriod } from './windows';
export type { WindowState } from './staleness';
export type { ViewOutcome } from './ingest';
export { reportStoreError } from './store';
export { checkBeaconHeaders, readBeacon, type BeaconProblem } from './beacon';
