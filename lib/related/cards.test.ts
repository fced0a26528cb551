import { describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../content/types';
import { testSummary } from '../../test/support/articles';
import { toRelatedCard } from './cards';

const summary: ArticleSummary = testSummary({
  // 0:30 on the 20th in Japan
  publishedAt: '2026-11-19T15:30:00.000Z',
  hero: { src: '/media/demo/a.webp', width: 1200, height: 675, alt: '説明', caption: null, credit: null },
});

describe('toRelatedCard', () => {
  it('dates the card in Japan time', () => {
    const card = toRelatedCard(summary);
    expect(card.dateLabel).toBe('2026年11月20日');
    expect(card.datetime).toBe('2026-11-20T00:30:00+09:00');
  });

  it('carries the picture as its stored path and real size, nothing the card can derive', () => {
    const { image } = toRelatedCard(summary);
    expect(image).toEqual({ src: '/media/demo/a.webp', width: 1200, height: 675 });
  });

  it('says LIVE only while the summary says coverage is running, and not for a summary cached before the flag', () => {
    expect(toRelatedCard({ ...summary, liveNow: true }).liveNow).toBe(true);
    expect(toRelatedCard(summary).liveNow).toBe(false);
    expect(toRelatedCard({ ...summary, liveNow: undefined as unknown as boolean }).liveNow).toBe(false);
  });

  it('has no image when the article has none', () => {
    expect(toRelatedCard({ ...summary, hero: null }).image).toBeNull();
  });
});
