import type { Kysely } from 'kysely';
import { listPublicSummariesByIds } from '../content/lookup';
import type { ArticleSummary } from '../content/types';
import type { Database } from '../db/schema';
import { decideWindowState, type WindowState } from './staleness';
import { reportStoreError, type RankingSnapshot, type ViewStore } from './store';
import { PERIOD_LABELS, RANKING_PERIODS, type RankingPeriod } from './windows';

/** Articles per ranking list. */
export const RANKING_SIZE = 10;

export type RankedArticle = { rank: number; article: ArticleSummary };

/** One ranking window as pages show it. `items` is empty unless `state` is `fresh`. */
export type RankingList = {
  period: RankingPeriod;
  /** 24時間, 週間, 月間. */
  label: string;
  state: WindowState;
  /** When the job computed it (ISO-8601 UTC), for 最終更新; null when never. */
  computedAt: string | null;
  items: RankedArticle[];
};

/**
 * A store's computed rankings as this process last read them, for the pages:
 * while the store cannot be reached (Redis down) they get the rankings it
 * last gave, at once, rather than a wait or nothing. Snapshots carry their
 * own times, so a long outage still hides them after an hour
 * (staleness.ts). One per process, on the view runtime (runtime.ts).
 */
export class LastKnownRankings implements Pick<ViewStore, 'readRankings'> {
  private last: RankingSnapshot[] | null = null;

  constructor(private readonly store: Pick<ViewStore, 'readRankings'>) {}

  /** The store's snapshots; when it fails, the last ones read, or its error when there are none. */
  async readRankings(): Promise<RankingSnapshot[]> {
    try {
      this.last = await this.store.readRankings();
    } catch (error) {
      if (!this.last) throw error;
      reportStoreError('rankings unavailable; showing the last ones read', error);
    }
    return this.last;
  }
}

/**
 * The three ranking lists at `now`, from the snapshot the job wrote (never
 * from raw counts): articles no longer public drop out here, at read time,
 * and a window too old or empty comes back with no items and says why in
 * `state`. A store that cannot be reached gives `stale` lists rather than
 * failing the page (the pages read through LastKnownRankings, which has
 * the last lists unless the process never read any).
 */
export async function readRankings(store: Pick<ViewStore, 'readRankings'>, db: Kysely<Database>, now: Date, size = RANKING_SIZE): Promise<RankingList[]> {
  let snapshots: RankingSnapshot[];
  try {
    snapshots = await store.readRankings();
  } catch (error) {
    reportStoreError('rankings unavailable', error);
    return RANKING_PERIODS.map((period) => ({ period, label: PERIOD_LABELS[period], state: 'stale', computedAt: null, items: [] }));
  }
  const byPeriod = new Map(snapshots.map((s) => [s.period, s]));
  const summaries = await listPublicSummariesByIds(
    db,
    snapshots.flatMap((s) => s.entries.map((e) => e.id)),
    now,
  );
  return RANKING_PERIODS.map((period) => {
    const snapshot = byPeriod.get(period);
    const items = (snapshot?.entries ?? [])
      .flatMap((e) => {
        const article = summaries.get(e.id);
        return article ? [article] : [];
      })
      .slice(0, size)
      .map((article, i) => ({ rank: i + 1, article }));
    const state = decideWindowState(snapshot, items.length, now);
    return { period, label: PERIOD_LABELS[period], state, computedAt: snapshot?.computedAt ?? null, items: state === 'fresh' ? items : [] };
  });
}
