import { describe, expect, it } from 'vitest';
import { decideWindowState, MAX_DATA_AGE_MS } from './staleness';
import type { RankingSnapshot } from './store';

const now = new Date('2026-11-30T03:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();
const snapshot = (computedAgo: number, viewAgo: number | null): RankingSnapshot => ({
  period: 'day',
  computedAt: ago(computedAgo),
  latestViewAt: viewAgo === null ? null : ago(viewAgo),
  entries: [{ id: 'abcd2345', views: 3 }],
});

describe('staleness guard', () => {
  it('shows a window computed and counted within the hour', () => {
    expect(decideWindowState(snapshot(60_000, 5_000), 1, now)).toBe('fresh');
    expect(decideWindowState(snapshot(MAX_DATA_AGE_MS, MAX_DATA_AGE_MS), 1, now)).toBe('fresh');
  });

  it('hides a window the job has not recomputed for over an hour', () => {
    expect(decideWindowState(snapshot(MAX_DATA_AGE_MS + 1, 5_000), 1, now)).toBe('stale');
  });

  it('hides a window whose newest counted view is over an hour old (counter down)', () => {
    expect(decideWindowState(snapshot(60_000, MAX_DATA_AGE_MS + 1), 1, now)).toBe('stale');
  });

  it('calls a window empty when nothing was counted, nothing is left public, or it was never computed', () => {
    expect(decideWindowState(snapshot(60_000, null), 0, now)).toBe('empty');
    expect(decideWindowState(snapshot(60_000, 5_000), 0, now)).toBe('empty');
    expect(decideWindowState(undefined, 0, now)).toBe('empty');
  });
});
