import { describe, expect, it } from 'vitest';
import { ViewBuffer } from './buffer';
import { ingestView, type ViewCounter } from './ingest';
import type { RankingEntry, RankingSnapshot, ViewCounts, ViewStore } from './store';
import { MemoryDeduper, MemorySalt, VIEW_LIMITS } from './visitor';
import { toHourKey } from './windows';

const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const PUBLIC_ID = 'abcd2345';
const t0 = new Date('2026-11-30T14:50:00Z'); // 23:50 JST
const DEDUPE_WINDOW_MS = VIEW_LIMITS.dedupeMs;

/** A store that records what the buffer writes. */
class RecordingStore implements ViewStore {
  readonly kind = 'sql';
  batches: { counts: ViewCounts; latest: Date }[] = [];
  fail = false;
  async addViews(counts: ViewCounts, latest: Date) {
    if (this.fail) throw new Error('database is locked');
    this.batches.push({ counts, latest });
  }
  total(id: string): number {
    return this.batches.reduce((n, b) => n + [...b.counts.values()].reduce((m, per) => m + (per.get(id) ?? 0), 0), 0);
  }
  async sumWindow(): Promise<RankingEntry[]> {
    return [];
  }
  async getLatestViewAt() {
    return null;
  }
  async saveRankings() {}
  async readRankings(): Promise<RankingSnapshot[]> {
    return [];
  }
  async claimJob() {
    return true;
  }
  async prune() {}
  async markOnce() {
    return true;
  }
}

function counter(store = new RecordingStore(), isPublicArticle = async (id: string) => id === PUBLIC_ID) {
  const c: ViewCounter = {
    isPublicArticle,
    deduper: new MemoryDeduper(),
    salt: new MemorySalt(),
    buffer: new ViewBuffer(store, { intervalMs: 60_000, onError: () => {} }),
    trustedProxyHops: 0,
  };
  return { c, store };
}

const browser = (extra: Record<string, string> = {}) => new Headers({ 'user-agent': CHROME, 'x-forwarded-for': '203.0.113.7', ...extra });

describe('ingesting a view', () => {
  it('counts a reader once per 30 minutes and writes the views in one batch', async () => {
    const { c, store } = counter();
    expect(await ingestView(c, PUBLIC_ID, browser(), t0)).toBe('counted');
    expect(await ingestView(c, PUBLIC_ID, browser(), new Date(t0.getTime() + 5 * 60_000))).toBe('duplicate');
    expect(await ingestView(c, PUBLIC_ID, browser({ 'x-forwarded-for': '198.51.100.9' }), t0)).toBe('counted');
    expect(await ingestView(c, PUBLIC_ID, browser(), new Date(t0.getTime() + DEDUPE_WINDOW_MS))).toBe('counted');
    expect(store.batches).toHaveLength(0); // nothing written per view
    await c.buffer.flush();
    expect(store.batches).toHaveLength(1);
    expect(store.total(PUBLIC_ID)).toBe(3);
    // The third view came after JST midnight: it lands in the next day's bucket.
    expect([...store.batches[0]!.counts.keys()].sort()).toEqual([toHourKey(t0), toHourKey(new Date(t0.getTime() + DEDUPE_WINDOW_MS))].sort());
    expect(store.batches[0]!.latest.toISOString()).toBe(new Date(t0.getTime() + DEDUPE_WINDOW_MS).toISOString());
  });

  it('never counts bots, prefetches or unknown articles', async () => {
    const { c, store } = counter();
    expect(await ingestView(c, PUBLIC_ID, browser({ 'user-agent': 'Mozilla/5.0 (compatible; Bytespider)' }), t0)).toBe('bot');
    expect(await ingestView(c, PUBLIC_ID, browser({ 'sec-purpose': 'prefetch;prerender' }), t0)).toBe('prefetch');
    expect(await ingestView(c, 'zzzz2345', browser(), t0)).toBe('unknown');
    await c.buffer.flush();
    expect(store.total(PUBLIC_ID)).toBe(0);
    // A bot's visit does not use up the reader's first view.
    expect(await ingestView(c, PUBLIC_ID, browser(), t0)).toBe('counted');
  });

  it('counts one address once per article, whatever User-Agent each beacon claims', async () => {
    const { c, store } = counter();
    const outcomes = new Set<string>();
    for (let i = 0; i < 50; i++) outcomes.add(await ingestView(c, PUBLIC_ID, browser({ 'user-agent': `${CHROME} reader/${i}` }), new Date(t0.getTime() + i * 1000)));
    // Nor does a cookie, or an address the client prepends to X-Forwarded-For, make another visitor.
    outcomes.add(await ingestView(c, PUBLIC_ID, browser({ cookie: 'reader=2', 'x-forwarded-for': '198.51.100.1, 203.0.113.7' }), t0));
    await c.buffer.flush();
    expect(store.total(PUBLIC_ID)).toBe(1);
    expect([...outcomes].sort()).toEqual(['counted', 'duplicate']);
  });

  it('counts two addresses as two views, and every address of one IPv6 /64 as one', async () => {
    const { c, store } = counter();
    await ingestView(c, PUBLIC_ID, browser({ 'x-forwarded-for': '203.0.113.7' }), t0);
    await ingestView(c, PUBLIC_ID, browser({ 'x-forwarded-for': '203.0.113.8' }), t0);
    for (let i = 1; i <= 20; i++) await ingestView(c, PUBLIC_ID, browser({ 'x-forwarded-for': `2001:db8:1:2::${i.toString(16)}` }), t0);
    await c.buffer.flush();
    expect(store.total(PUBLIC_ID)).toBe(3);
  });

  it('caps one address beaconing many articles at VIEW_LIMITS.maxPerVisitor an hour, and no one else', async () => {
    const { c, store } = counter(new RecordingStore(), async () => true);
    const ids = Array.from({ length: 500 }, (_, i) => `flood${String(i).padStart(3, '0')}`);
    for (const [i, id] of ids.entries()) await ingestView(c, id, browser({ 'user-agent': `${CHROME} flood/${i}` }), new Date(t0.getTime() + i * 100));
    // A reader on another address is not held back by the flood.
    expect(await ingestView(c, ids[499]!, browser({ 'x-forwarded-for': '198.51.100.9' }), new Date(t0.getTime() + 60_000))).toBe('counted');
    await c.buffer.flush();
    const flooded = ids.reduce((n, id) => n + store.total(id), 0) - 1;
    expect(flooded).toBe(VIEW_LIMITS.maxPerVisitor);
    expect(VIEW_LIMITS.maxPerVisitor).toBeLessThan(100);
  });

  it('keeps views for the next batch when a write fails', async () => {
    const { c, store } = counter();
    await ingestView(c, PUBLIC_ID, browser(), t0);
    store.fail = true;
    await c.buffer.flush();
    expect(c.buffer.size).toBe(1);
    store.fail = false;
    await ingestView(c, PUBLIC_ID, browser({ 'x-forwarded-for': '192.0.2.1' }), t0);
    await c.buffer.flush();
    expect(store.total(PUBLIC_ID)).toBe(2);
    expect(c.buffer.size).toBe(0);
  });

  it('flushes early once many views wait', async () => {
    const store = new RecordingStore();
    const buffer = new ViewBuffer(store, { intervalMs: 60_000, maxPending: 3 });
    for (let i = 0; i < 3; i++) buffer.add(PUBLIC_ID, t0);
    await buffer.flush();
    expect(store.batches).toHaveLength(1);
    expect(store.total(PUBLIC_ID)).toBe(3);
  });
});
