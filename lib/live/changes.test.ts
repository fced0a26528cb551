import { describe, expect, it } from 'vitest';
import { changesShownPosts } from './changes';

const shown = { changedAt: '2026-12-05T05:00:00.000Z', pinned: ['aaaaaaaa'], ended: false };
const update = { changedAt: '2026-12-05T05:00:00.000Z', pinned: ['aaaaaaaa'], endedAt: null };

describe('changesShownPosts', () => {
  it('is false when only new posts arrived (they wait for the reader’s tap)', () => {
    expect(changesShownPosts(shown, update)).toBe(false);
  });

  it('is true after an edit or deletion newer than the page, not an older or equal one', () => {
    expect(changesShownPosts(shown, { ...update, changedAt: '2026-12-05T05:00:01.000Z' })).toBe(true);
    expect(changesShownPosts(shown, { ...update, changedAt: '2026-12-05T04:59:59.000Z' })).toBe(false);
    // A page rendered before any edit, and the same time written with another offset.
    expect(changesShownPosts({ ...shown, changedAt: null }, update)).toBe(true);
    expect(changesShownPosts(shown, { ...update, changedAt: '2026-12-05T14:00:00+09:00' })).toBe(false);
    expect(changesShownPosts({ ...shown, changedAt: null }, { ...update, changedAt: null })).toBe(false);
  });

  it('is true when the 要点 differ: added, removed or swapped', () => {
    expect(changesShownPosts(shown, { ...update, pinned: ['aaaaaaaa', 'bbbbbbbb'] })).toBe(true);
    expect(changesShownPosts(shown, { ...update, pinned: [] })).toBe(true);
    expect(changesShownPosts(shown, { ...update, pinned: ['bbbbbbbb'] })).toBe(true);
    expect(changesShownPosts({ ...shown, pinned: ['aaaaaaaa', 'bbbbbbbb'] }, { ...update, pinned: ['bbbbbbbb', 'aaaaaaaa'] })).toBe(false);
  });

  it('is true when coverage ended after the page was rendered', () => {
    expect(changesShownPosts(shown, { ...update, endedAt: '2026-12-05T06:00:00.000Z' })).toBe(true);
    expect(changesShownPosts({ ...shown, ended: true }, { ...update, endedAt: '2026-12-05T06:00:00.000Z' })).toBe(false);
  });
});
