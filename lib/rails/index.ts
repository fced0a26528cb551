import 'server-only';
import { createRefreshingValue } from '../cache/refreshing-value';
import { CACHE_TAGS } from '../cache/tags';
import { listBreakingNews, TICKER_SIZE } from '../content/breaking-queries';
import { listLatest } from '../content/queries';
import { getDb } from '../db';
import { readCurrentRankings } from '../rankings';
import { toRailsSnapshot } from './snapshot';
import type { RailsSnapshot } from './types';

/**
 * The shared rails (ニュース速報, 最新記事, 人気ランキング) for every page
 * that shows them and for GET /api/rails, from one snapshot per process.
 *
 * Deliberately not a Next.js cached read: those attach their tags and
 * lifetime to the page being rendered, and a rail that changes with every
 * publish and every few seconds would then re-render every article page
 * (docs/adr/0018-page-lifetimes-and-tags.md). A page prints the snapshot of
 * its render time; the browser refreshes the rails from the endpoint.
 */

/** Headlines in the 最新記事 rail. */
export const LATEST_RAIL_SIZE = 8;

/**
 * How long a snapshot is served before it is read again (ms). Flags that
 * expire by the clock, scheduled stories and changes made by another
 * instance reach the endpoint within this; this process's own writes at once.
 */
const SNAPSHOT_MAX_AGE_MS = 10_000;

const snapshot = createRefreshingValue(
  'rails',
  async (): Promise<RailsSnapshot> => {
    const db = await getDb();
    const now = new Date();
    const [breaking, latest, rankings] = await Promise.all([listBreakingNews(db, now, TICKER_SIZE), listLatest(db, now, LATEST_RAIL_SIZE), readCurrentRankings()]);
    return toRailsSnapshot(now, breaking, latest, rankings);
  },
  { maxAgeMs: SNAPSHOT_MAX_AGE_MS },
);

/** The rails as of at most SNAPSHOT_MAX_AGE_MS ago. */
export function getRailsSnapshot(): Promise<RailsSnapshot> {
  return snapshot.get();
}

/** Tags whose invalidation can change a rail: see {@link forgetRailsAfter}. */
const RAIL_TAGS = new Set<string>([CACHE_TAGS.articles, CACHE_TAGS.breaking, CACHE_TAGS.rankings]);

/** After a write this process made or was told of: the next reader of the rails gets them read anew. */
export function forgetRailsAfter(tags: readonly string[]): void {
  if (tags.some((tag) => RAIL_TAGS.has(tag))) snapshot.forget();
}

export { RAILS_STALE_MS, type RailItem, type RailRanking, type RailsSnapshot, type RailTickerItem } from './types';
export { toRailItem, toRailRanking } from './snapshot';
