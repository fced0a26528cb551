import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// Loaded as Node loads it at run time (CommonJS), not through Vite.
const require = createRequire(import.meta.url);
const { BoundedLru, isNotFoundValue, sizeOfValue, tagsOfValue, NOT_FOUND_LIMITS } = require('./not-found-memory.cjs') as typeof import('./not-found-memory.cjs');

const page = (status: number, html = 'x'.repeat(1000)) => ({
  kind: 'APP_PAGE',
  html,
  rscData: Buffer.alloc(500),
  headers: { 'x-next-cache-tags': '_N_T_/layout,_N_T_/articles/abcd2345,article:abcd2345' },
  status,
  segmentData: new Map([['/_tree', Buffer.alloc(100)]]),
});
const fetched = (body: string) => ({ kind: 'FETCH', data: { headers: {}, body, status: 200, url: '' }, revalidate: 3600 });

describe('what an unknown address leaves', () => {
  it('is a 404 response or a read that found nothing', () => {
    expect(isNotFoundValue(page(404))).toBe(true);
    expect(isNotFoundValue({ kind: 'APP_ROUTE', body: Buffer.from(''), headers: {}, status: 404 })).toBe(true);
    expect(isNotFoundValue(fetched('null'))).toBe(true);
  });

  it('is never a page or read that found something', () => {
    for (const value of [page(200), page(410), page(500), fetched('{"id":"abcd2345"}'), fetched('[]'), fetched('0'), fetched('"null"'), null, { kind: 'REDIRECT', props: {} }]) {
      expect(isNotFoundValue(value), JSON.stringify(value)).toBe(false);
    }
  });

  it('is sized by what it holds and tagged as Next.js tagged it', () => {
    expect(sizeOfValue(page(404))).toBeGreaterThanOrEqual(1000 + 500 + 100);
    expect(tagsOfValue(page(404), {})).toEqual(['_N_T_/layout', '_N_T_/articles/abcd2345', 'article:abcd2345']);
    expect(tagsOfValue(fetched('null'), { fetchCache: true, tags: ['article:abcd2345', 'taxonomy'] })).toEqual(['article:abcd2345', 'taxonomy']);
    expect(tagsOfValue({ ...page(404), headers: {} }, {})).toEqual([]);
  });
});

describe('BoundedLru', () => {
  it('keeps at most its count, dropping the least recently used', () => {
    const evicted: string[] = [];
    const lru = new BoundedLru<number>({ entries: 3, bytes: 1_000 }, (key) => evicted.push(key));
    for (const key of ['a', 'b', 'c']) lru.set(key, 1, 10, []);
    expect(lru.get('a')).toBe(1); // a is now the most recent
    lru.set('d', 1, 10, []);
    expect([lru.has('a'), lru.has('b'), lru.has('c'), lru.has('d')]).toEqual([true, false, true, true]);
    expect(evicted).toEqual(['b']);
    expect(lru.size).toBe(3);
  });

  it('keeps at most its bytes, and nothing larger than all of them', () => {
    const lru = new BoundedLru<string>({ entries: 100, bytes: 100 });
    for (let i = 0; i < 10; i++) lru.set(`k${i}`, 'v', 30, []);
    expect(lru.size).toBe(3);
    expect(lru.bytes).toBe(90);
    lru.set('huge', 'v', 101, []);
    expect(lru.has('huge')).toBe(false);
    expect(lru.bytes).toBe(90);
  });

  it('replaces a key without counting it twice or reporting it evicted', () => {
    const evicted: string[] = [];
    const lru = new BoundedLru<string>({ entries: 10, bytes: 100 }, (key) => evicted.push(key));
    lru.set('a', 'old', 40, []);
    lru.set('a', 'new', 50, []);
    expect(lru.get('a')).toBe('new');
    expect(lru.bytes).toBe(50);
    expect(evicted).toEqual([]);
  });

  it('drops every entry carrying an invalidated tag, and only those', () => {
    const evicted: string[] = [];
    const lru = new BoundedLru<string>({ entries: 10, bytes: 1_000 }, (key) => evicted.push(key));
    lru.set('page', 'v', 10, ['_N_T_/articles/abcd2345', 'article:abcd2345']);
    lru.set('read', 'v', 10, ['article:abcd2345', 'taxonomy']);
    lru.set('other', 'v', 10, ['article:efgh6789', 'taxonomy']);
    expect(lru.deleteTagged(['article:abcd2345'])).toBe(2);
    expect([lru.has('page'), lru.has('read'), lru.has('other')]).toEqual([false, false, true]);
    expect(evicted.sort()).toEqual(['page', 'read']);
    expect(lru.bytes).toBe(10);
    expect(lru.deleteTagged([])).toBe(0);
  });

  it('stays within its bounds over 10,000 distinct keys', () => {
    const lru = new BoundedLru<string>(NOT_FOUND_LIMITS);
    for (let i = 0; i < 10_000; i++) lru.set(`/route-cache/APP_PAGE/x/$/articles/${i}`, 'v', 50_000, []);
    expect(lru.size).toBeLessThanOrEqual(NOT_FOUND_LIMITS.entries);
    expect(lru.bytes).toBeLessThanOrEqual(NOT_FOUND_LIMITS.bytes);
    for (let i = 0; i < 10_000; i++) lru.set(`fetch-${i}`, 'v', 300, []);
    expect(lru.size).toBe(NOT_FOUND_LIMITS.entries);
  });
});
