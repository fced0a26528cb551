import { describe, expect, it } from 'vitest';
import { decideRelatedTier, rankRelated, RELATED_TIER, tagWeight, type RelatedFeatures } from './rank';

const NOW = new Date('2026-11-20T03:00:00.000Z');
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000).toISOString();

function article(id: string, over: Partial<RelatedFeatures> = {}): RelatedFeatures {
  return { id, sectionSlug: 'culture', seriesSlug: null, topicSlugs: [], tagSlugs: [], publishedAt: daysAgo(1), ...over };
}

const subject = article('subject', {
  sectionSlug: 'world',
  seriesSlug: 'long-read',
  topicSlugs: ['trade-talks'],
  tagSlugs: ['singapore', 'hwang-minji'],
});

const options = { now: NOW, tagCounts: new Map([['singapore', 30], ['hwang-minji', 2]]), limit: 48 };
const ids = (list: RelatedFeatures[]) => list.map((a) => a.id);

describe('rankRelated', () => {
  it('puts series and topic first, then shared tags, then the section, then the rest, whatever their age', () => {
    const ranked = rankRelated(
      subject,
      [
        article('other-new', { publishedAt: daysAgo(0.1) }),
        article('section-new', { sectionSlug: 'world', publishedAt: daysAgo(0.2) }),
        article('tag-mid', { tagSlugs: ['singapore'], publishedAt: daysAgo(3) }),
        article('topic-old', { topicSlugs: ['trade-talks'], publishedAt: daysAgo(200) }),
        article('series-old', { seriesSlug: 'long-read', publishedAt: daysAgo(300) }),
      ],
      options,
    );
    expect(ids(ranked)).toEqual(['topic-old', 'series-old', 'tag-mid', 'section-new', 'other-new']);
  });

  it('weights a rare shared tag above a common one of the same age', () => {
    const ranked = rankRelated(
      subject,
      [article('common', { tagSlugs: ['singapore'] }), article('rare', { tagSlugs: ['hwang-minji'] })],
      options,
    );
    expect(ids(ranked)).toEqual(['rare', 'common']);
    expect(tagWeight(2)).toBeGreaterThan(tagWeight(30));
    expect([1, 3, 31].map(tagWeight)).toEqual([1, 0.5, 0.2]);
  });

  it('ranks two shared tags above one of the same weight', () => {
    const ranked = rankRelated(
      subject,
      [article('one', { tagSlugs: ['hwang-minji'] }), article('two', { tagSlugs: ['hwang-minji', 'singapore'] })],
      options,
    );
    expect(ids(ranked)).toEqual(['two', 'one']);
  });

  it('puts the newer first when the relation is the same', () => {
    const ranked = rankRelated(
      subject,
      [
        article('sec-old', { sectionSlug: 'world', publishedAt: daysAgo(9) }),
        article('sec-new', { sectionSlug: 'world', publishedAt: daysAgo(2) }),
        article('sec-mid', { sectionSlug: 'world', publishedAt: daysAgo(5) }),
      ],
      options,
    );
    expect(ids(ranked)).toEqual(['sec-new', 'sec-mid', 'sec-old']);
  });

  it('lets a fresh story beat a much older one with a slightly stronger relation in the same tier', () => {
    const ranked = rankRelated(
      subject,
      [
        article('two-tags-old', { tagSlugs: ['hwang-minji', 'singapore'], publishedAt: daysAgo(90) }),
        article('one-tag-new', { tagSlugs: ['hwang-minji'], publishedAt: daysAgo(1) }),
      ],
      options,
    );
    expect(ids(ranked)).toEqual(['one-tag-new', 'two-tags-old']);
  });

  it('never returns the article itself, a future article or a duplicate', () => {
    const ranked = rankRelated(
      subject,
      [
        article('subject', { topicSlugs: ['trade-talks'] }),
        article('future', { topicSlugs: ['trade-talks'], publishedAt: new Date(NOW.getTime() + 60_000).toISOString() }),
        article('twice', { sectionSlug: 'world' }),
        article('twice', { sectionSlug: 'world' }),
      ],
      options,
    );
    expect(ids(ranked)).toEqual(['twice']);
  });

  it('stops at the limit and breaks exact ties by id, so every instance shows the same order', () => {
    const same = ['c', 'a', 'b'].map((id) => article(id, { publishedAt: daysAgo(1) }));
    expect(ids(rankRelated(subject, same, { ...options, limit: 2 }))).toEqual(['a', 'b']);
  });

  it('does not treat two articles without a series as the same series', () => {
    const noSeries = { ...subject, seriesSlug: null };
    expect(decideRelatedTier(noSeries, article('x'))).toBe(RELATED_TIER.other);
  });
});
