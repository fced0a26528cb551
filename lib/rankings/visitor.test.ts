import { describe, expect, it } from 'vitest';
import { hashVisitor, MemoryDeduper, MemorySalt, toDedupeKey, VIEW_LIMITS, type ViewLimits } from './visitor';

const t0 = new Date('2026-11-30T03:00:00Z');
const later = (ms: number) => new Date(t0.getTime() + ms);
const { dedupeMs } = VIEW_LIMITS;

describe('visitor hash', () => {
  it('is stable for one salt and client, and changes with either', () => {
    const a = hashVisitor('salt-1', '203.0.113.7');
    expect(hashVisitor('salt-1', '203.0.113.7')).toBe(a);
    expect(hashVisitor('salt-2', '203.0.113.7')).not.toBe(a);
    expect(hashVisitor('salt-1', '203.0.113.8')).not.toBe(a);
  });

  it('keeps no address in the key', () => {
    const key = toDedupeKey(hashVisitor('s', '203.0.113.7'), 'abcd2345');
    expect(key).not.toContain('203.0.113.7');
    expect(key).toMatch(/^[A-Za-z0-9_-]{22}:abcd2345$/);
  });

  it('rotates the salt at JST midnight and keeps it within a day', async () => {
    const salt = new MemorySalt();
    const monday = await salt.getSalt('2026-11-30');
    expect(await salt.getSalt('2026-11-30')).toBe(monday);
    expect(await salt.getSalt('2026-12-01')).not.toBe(monday);
  });
});

describe('dedupe window', () => {
  it('counts a visitor’s view of an article once per 30 minutes', async () => {
    const dedupe = new MemoryDeduper();
    expect(await dedupe.claimView('v', 'a', VIEW_LIMITS, t0)).toBe('counted');
    expect(await dedupe.claimView('v', 'a', VIEW_LIMITS, later(60_000))).toBe('duplicate');
    expect(await dedupe.claimView('v', 'a', VIEW_LIMITS, later(dedupeMs - 1))).toBe('duplicate');
    expect(await dedupe.claimView('v', 'a', VIEW_LIMITS, later(dedupeMs))).toBe('counted');
    // Another article, or another visitor, is another view.
    expect(await dedupe.claimView('v', 'b', VIEW_LIMITS, later(1))).toBe('counted');
    expect(await dedupe.claimView('w', 'a', VIEW_LIMITS, later(1))).toBe('counted');
  });

  it('stays within its cap, forgetting the oldest first', async () => {
    const dedupe = new MemoryDeduper(100);
    for (let i = 0; i < 1000; i++) await dedupe.claimView(`v${i}`, 'a', VIEW_LIMITS, later(i));
    expect(dedupe.size).toBeLessThanOrEqual(100);
    expect(await dedupe.claimView('v999', 'a', VIEW_LIMITS, later(1000))).toBe('duplicate');
  });
});

describe('views per visitor', () => {
  const small: ViewLimits = { dedupeMs, maxPerVisitor: 3, capWindowMs: 60 * 60_000 };

  it('counts at most maxPerVisitor views an hour per visitor, across articles; repeats do not use it up', async () => {
    const dedupe = new MemoryDeduper();
    const claims = [];
    for (const id of ['a', 'a', 'b', 'c', 'd', 'e']) claims.push(await dedupe.claimView('v', id, small, later(claims.length * 1000)));
    expect(claims).toEqual(['counted', 'duplicate', 'counted', 'counted', 'capped', 'capped']);
    // Another visitor has a cap of its own.
    expect(await dedupe.claimView('w', 'd', small, later(10_000))).toBe('counted');
    // The window closes an hour after the visitor's first view, not after its last.
    expect(await dedupe.claimView('v', 'f', small, later(small.capWindowMs - 1))).toBe('capped');
    expect(await dedupe.claimView('v', 'g', small, later(small.capWindowMs))).toBe('counted');
  });
});
