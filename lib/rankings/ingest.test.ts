import { describe, expect, it } from 'vitest';
import { ViewBuffer } from './buffer';
import { ingestView, type ViewCounter } from './ingest';
import type { RankingEntry, RankingSnapshot, ViewCounts, ViewStore } from './store';
import { DEDUPE_WINDOW_MS, MemoryDeduper, MemorySalt } from './visitor';
import { toHourKey } from './windows';

const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const PUBLIC_ID = 'abcd2345';
const t0 = new Date('2026-11-30T14:50:00Z'); // 23:50 JST

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

function counter(store = new RecordingStore()) {
  const c: ViewCounter = {
    isPublicArticle: async (id) => id === PUBLIC_ID,
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

  it('never counts bots, prefetches, previews or unknown articles', async () => {
    const { c, store } = counter();
    expect(await ingestView(c, PUBLIC_ID, browser({ 'user-agent': 'Mozilla/5.0 (compatible; Bytespider)' }), t0)).toBe('bot');
    expect(await ingestView(c, PUBLIC_ID, browser({ 'sec-purpose': 'prefetch;prerender' }), t0)).toBe('prefetch');
    expect(await ingestView(c, PUBLIC_ID, browser({ cookie: '__prerender_bypass=1' }), t0)).toBe('preview');
    expect(await ingestView(c, 'zzzz2345', browser(), t0)).toBe('unknown');
    await c.buffer.flush();
    expect(store.total(PUBLIC_ID)).toBe(0);
    // A bot's visit does not use up the reader's first view.
    expect(await ingestView(c, PUBLIC_ID, browser(), t0)).toBe('counted');
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
