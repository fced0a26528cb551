import type { SearchPeriod, SearchSort } from '@/lib/content';

/** What the search form and results call each order and period (typed by lib's lists, so a new value cannot go unnamed). */
export const SORT_LABELS: Record<SearchSort, string> = { relevance: '関連度', newest: '新しい順' };
export const PERIOD_LABELS: Record<SearchPeriod, string> = { all: 'すべて', week: '1週間', month: '1か月', year: '1年' };
