import type { Kysely } from 'kysely';
import { listPublicSummariesByIds } from '../content/lookup';
import type { ArticleSummary } from '../content/types';
import type { Database } from '../db/schema';
import { decideWindowState, type WindowState } from './staleness';
import type { RankingSnapshot, ViewStore } from './store';
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
 * The three ranking lists at `now`, from the snapshot the job wrote (never
 * from raw counts): articles no longer public drop out here, at read time,
 * and a window too old or empty comes back with no items and says why in
 * `state`. A store that cannot be reached gives `stale` lists rather than
 * failing the page.
 */
export async function readRankings(store: ViewStore, db: Kysely<Database>, now: Date, size = RANKING_SIZE): Promise<RankingList[]> {
  let snapshots: RankingSnapshot[];
  try {
    snapshots = await store.readRankings();
  } catch (error) {
    console.error('Kiji: rankings unavailable', error);
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
