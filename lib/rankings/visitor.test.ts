import { describe, expect, it } from 'vitest';
import { DEDUPE_WINDOW_MS, hashVisitor, MemoryDeduper, MemorySalt, toDedupeKey } from './visitor';

const t0 = new Date('2026-11-30T03:00:00Z');
const later = (ms: number) => new Date(t0.getTime() + ms);

describe('visitor hash', () => {
  it('is stable for one salt, address and browser, and changes with any of them', () => {
    const a = hashVisitor('salt-1', '203.0.113.7', 'Chrome');
    expect(hashVisitor('salt-1', '203.0.113.7', 'Chrome')).toBe(a);
    expect(hashVisitor('salt-2', '203.0.113.7', 'Chrome')).not.toBe(a);
    expect(hashVisitor('salt-1', '203.0.113.8', 'Chrome')).not.toBe(a);
    expect(hashVisitor('salt-1', '203.0.113.7', 'Firefox')).not.toBe(a);
  });

  it('keeps neither the address nor the agent in the key', () => {
    const key = toDedupeKey(hashVisitor('s', '203.0.113.7', 'Chrome'), 'abcd2345');
    expect(key).not.toContain('203.0.113.7');
    expect(key).not.toContain('Chrome');
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
    expect(await dedupe.claimView('v:a', DEDUPE_WINDOW_MS, t0)).toBe(true);
    expect(await dedupe.claimView('v:a', DEDUPE_WINDOW_MS, later(60_000))).toBe(false);
    expect(await dedupe.claimView('v:a', DEDUPE_WINDOW_MS, later(DEDUPE_WINDOW_MS - 1))).toBe(false);
    expect(await dedupe.claimView('v:a', DEDUPE_WINDOW_MS, later(DEDUPE_WINDOW_MS))).toBe(true);
    // Another article, or another visitor, is another view.
    expect(await dedupe.claimView('v:b', DEDUPE_WINDOW_MS, later(1))).toBe(true);
    expect(await dedupe.claimView('w:a', DEDUPE_WINDOW_MS, later(1))).toBe(true);
  });

  it('stays within its cap, forgetting the oldest first', async () => {
    const dedupe = new MemoryDeduper(100);
    for (let i = 0; i < 1000; i++) await dedupe.claimView(`v${i}:a`, DEDUPE_WINDOW_MS, later(i));
    expect(dedupe.size).toBeLessThanOrEqual(100);
    expect(await dedupe.claimView('v999:a', DEDUPE_WINDOW_MS, later(1000))).toBe(false);
  });
});
