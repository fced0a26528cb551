import type { RankingList } from '../rankings/read';

/**
 * The shared rails (ニュース速報, 最新記事, 人気ランキング) as one small,
 * serialisable snapshot: what a page renders into its HTML and what
 * GET /api/rails returns for the browser to refresh them in place. Every
 * label is formatted on the server (snapshot.ts), so the browser only prints strings.
 */

/** One headline of a rail, ready to print. */
export type RailItem = {
  id: string;
  url: string;
  headline: string;
  /** The headline in phrases (文節, lib/text/phrases.ts), so the browser wraps it only between them. */
  headlinePhrases: string[];
  sectionName: string;
  /** `datetime` of the publication time (+09:00). */
  datetime: string;
  /** 「12/04 13:31」: date and time in Japan. */
  timeLabel: string;
  /** 「2026年12月4日」, for the full ranking page. */
  dateLabel: string;
  /** A live page whose coverage is running: the row says 「LIVE」 (ArticleSummary.liveNow). */
  liveNow: boolean;
};

export type RailTickerItem = RailItem & { breaking: boolean };

export type RailRanking = Omit<RankingList, 'items' | 'computedAt'> & {
  /** When the job computed it: `datetime` and 「HH:MM」 in Japan, or null when never. */
  computed: { datetime: string; timeLabel: string } | null;
  items: { rank: number; article: RailItem }[];
};

export type RailsSnapshot = {
  /** When the data was read (ISO-8601 UTC): the browser refreshes once it is older than RAILS_STALE_MS. */
  at: string;
  breaking: RailTickerItem[];
  latest: RailItem[];
  rankings: RailRanking[];
};

/** How old a snapshot may be before a page open in the browser asks for a new one (ms). */
export const RAILS_STALE_MS = 30_000;
