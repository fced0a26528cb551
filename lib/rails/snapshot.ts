import type { BreakingItem } from '../content/breaking-queries';
import type { ArticleSummary } from '../content/types';
import type { RankingList } from '../rankings/read';
import { splitPhrases } from '../text/phrases';
import { formatJstDate, formatJstTime, formatShortDate, toJstIso } from '../time/jst';
import type { RailItem, RailRanking, RailsSnapshot } from './types';

/** An article summary as a rail headline. */
export function toRailItem(article: ArticleSummary): RailItem {
  return {
    id: article.id,
    url: article.url,
    headline: article.headline,
    headlinePhrases: splitPhrases(article.headline),
    sectionName: article.section.name,
    datetime: toJstIso(article.publishedAt),
    timeLabel: `${formatShortDate(article.publishedAt)} ${formatJstTime(article.publishedAt)}`,
    dateLabel: formatJstDate(article.publishedAt),
    // `=== true`: a summary cached before the flag existed has none.
    liveNow: article.liveNow === true,
  };
}

/** A ranking window as the rails show it. */
export function toRailRanking(list: RankingList): RailRanking {
  return {
    period: list.period,
    label: list.label,
    state: list.state,
    computed: list.computedAt ? { datetime: toJstIso(list.computedAt), timeLabel: formatJstTime(list.computedAt) } : null,
    items: list.items.map(({ rank, article }) => ({ rank, article: toRailItem(article) })),
  };
}

/** The three rails read at `at`, shaped for pages and the refresh endpoint. */
export function toRailsSnapshot(at: Date, breaking: BreakingItem[], latest: ArticleSummary[], rankings: RankingList[]): RailsSnapshot {
  return {
    at: at.toISOString(),
    breaking: breaking.map((item) => ({ ...toRailItem(item), breaking: item.breaking })),
    latest: latest.map(toRailItem),
    rankings: rankings.map(toRailRanking),
  };
}
