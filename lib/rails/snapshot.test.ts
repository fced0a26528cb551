import { describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../content/types';
import type { RankingList } from '../rankings/read';
import { testSummary } from '../../test/support/articles';
import { toRailsSnapshot } from './snapshot';

const story = (id: string, publishedAt: string): ArticleSummary =>
  testSummary({
    id,
    headline: `見出し${id}`,
    standfirst: 'リード文',
    publishedAt,
    hero: { src: '/media/x.webp', width: 1600, height: 900, alt: '', caption: null, credit: null },
  });

describe('the rails snapshot', () => {
  const at = new Date('2026-12-04T04:05:06.000Z');
  const a = story('aaaaaaaa', '2026-12-03T15:04:00.000Z'); // 12/4 00:04 in Japan
  const b = story('bbbbbbbb', '2026-12-04T03:30:00.000Z');
  const rankings: RankingList[] = [
    { period: 'day', label: '24時間', state: 'fresh', computedAt: '2026-12-04T04:00:00.000Z', items: [{ rank: 1, article: b }] },
    { period: 'week', label: '週間', state: 'stale', computedAt: null, items: [] },
  ];
  const snapshot = toRailsSnapshot(at, [{ ...a, breaking: true }], [b, a], rankings);

  it('prints Japan time and dates, formatted on the server', () => {
    expect(snapshot.at).toBe('2026-12-04T04:05:06.000Z');
    expect(snapshot.breaking).toEqual([
      {
        id: 'aaaaaaaa',
        url: '/articles/aaaaaaaa',
        headline: '見出しaaaaaaaa',
        headlinePhrases: ['見出しaaaaaaaa'],
        sectionName: 'ワールド',
        datetime: '2026-12-04T00:04:00+09:00',
        timeLabel: '12/4 00:04',
        dateLabel: '2026年12月4日',
        liveNow: false,
        breaking: true,
      },
    ]);
    expect(snapshot.latest.map((item) => item.id)).toEqual(['bbbbbbbb', 'aaaaaaaa']);
    expect(snapshot.rankings[0]).toMatchObject({ period: 'day', state: 'fresh', computed: { datetime: '2026-12-04T13:00:00+09:00', timeLabel: '13:00' } });
    expect(snapshot.rankings[0]!.items[0]).toMatchObject({ rank: 1, article: { id: 'bbbbbbbb', timeLabel: '12/4 12:30' } });
    expect(snapshot.rankings[1]).toMatchObject({ state: 'stale', computed: null, items: [] });
  });

  it('marks a running live page in every rail that shows it, and nothing else', () => {
    const live = { ...b, liveNow: true };
    const s = toRailsSnapshot(at, [{ ...live, breaking: false }, { ...a, breaking: true }], [live, a], [{ ...rankings[0]!, items: [{ rank: 1, article: live }] }]);
    expect(s.breaking.map((item) => item.liveNow)).toEqual([true, false]);
    expect(s.latest.map((item) => item.liveNow)).toEqual([true, false]);
    expect(s.rankings[0]!.items[0]!.article.liveNow).toBe(true);
  });

  it('splits each headline into phrases on the server, joined back whole', () => {
    const item = toRailsSnapshot(at, [], [{ ...a, headline: '首席交渉官が記者会見で合意を発表' }], []).latest[0]!;
    expect(item.headlinePhrases.length).toBeGreaterThan(1);
    expect(item.headlinePhrases.join('')).toBe('首席交渉官が記者会見で合意を発表');
    // Never inside 首席交渉官 (the break 「首/席交渉官」 that issue 16 saw in 最新記事).
    expect(item.headlinePhrases.join('|')).toContain('首席交渉官');
  });

  it('carries only what the rails print: no standfirst, no picture', () => {
    const json = JSON.stringify(snapshot);
    expect(json).not.toContain('リード文');
    expect(json).not.toContain('/media/');
  });
});
