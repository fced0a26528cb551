import { describe, expect, it } from 'vitest';
import { deriveArticleId } from '../content/ids';
import { demoArticles } from './demo/articles';
import { resolveDemoPublishedAt } from './demo-time';
import { buildDemoViewHistory } from './demo-views';
import { addToCounts, compareEntries, type ViewCounts } from '../rankings/store';
import { getWindowBounds, hourKeyToDate, type RankingPeriod } from '../rankings/windows';

const NOW = new Date('2026-11-20T03:17:00.000Z'); // 12:17 JST
const articles = demoArticles
  .filter((a) => !a.status)
  .map((a) => ({ id: deriveArticleId(a.key), publishedAt: resolveDemoPublishedAt(a.published, NOW).toISOString() }));

function top(counts: ViewCounts, period: RankingPeriod, n = 10): string[] {
  const { fromHour, toHour } = getWindowBounds(period, NOW);
  const sums: ViewCounts = new Map();
  for (const [hour, per] of counts) if (hour >= fromHour && hour <= toHour) for (const [id, v] of per) addToCounts(sums, 0, id, v);
  return [...(sums.get(0) ?? new Map<string, number>())]
    .map(([id, views]) => ({ id, views }))
    .sort(compareEntries)
    .slice(0, n)
    .map((e) => e.id);
}

describe('demo view history', () => {
  const history = buildDemoViewHistory(articles, NOW);

  it('is the same every time for the same moment', () => {
    expect(buildDemoViewHistory(articles, NOW)).toEqual(history);
  });

  it('never counts a view before an article was published, or after now', () => {
    const published = new Map(articles.map((a) => [a.id, Date.parse(a.publishedAt)]));
    for (const [hour, per] of history) {
      const start = hourKeyToDate(hour).getTime();
      expect(start).toBeLessThanOrEqual(NOW.getTime());
      for (const id of per.keys()) expect(start + 3_600_000).toBeGreaterThan(published.get(id)!);
    }
  });

  it('fills every window with ten articles, and the three windows differ', () => {
    const day = top(history, 'day');
    const week = top(history, 'week');
    const month = top(history, 'month');
    expect([day.length, week.length, month.length]).toEqual([10, 10, 10]);
    expect(day).not.toEqual(week);
    expect(week).not.toEqual(month);
    // Not merely reordered: each longer window brings in articles the shorter one lacks.
    expect(week.filter((id) => !day.includes(id)).length).toBeGreaterThanOrEqual(3);
    expect(month.filter((id) => !week.includes(id)).length).toBeGreaterThanOrEqual(2);
  });

  it('looks like a small news site: thousands of views a day, busier by day than before dawn', () => {
    let total = 0;
    const byJstHour = new Array<number>(24).fill(0);
    for (const [hour, per] of history) {
      for (const v of per.values()) {
        total += v;
        byJstHour[hour % 100]! += v;
      }
    }
    expect(total / 30).toBeGreaterThan(3_000);
    expect(total / 30).toBeLessThan(200_000);
    expect(byJstHour[12]!).toBeGreaterThan(byJstHour[4]! * 3);
  });
});
