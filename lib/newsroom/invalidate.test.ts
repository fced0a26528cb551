import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { invalidateTags, invalidateTagsInProcess, replayRecentInvalidations } from './invalidate';
import { openTestDatabase, TEST_ENGINES, type TestDatabase } from '../../test/support/database';

const revalidateTag = vi.hoisted(() => vi.fn());
const forgetRailsAfter = vi.hoisted(() => vi.fn());
vi.mock('next/cache', () => ({ revalidateTag }));
const revalidateTagsInPageCache = vi.hoisted(() => vi.fn(async () => undefined));
const replayTagsInPageCache = vi.hoisted(() => vi.fn());
vi.mock('../rails', () => ({ forgetRailsAfter }));
vi.mock('../cache/invalidation-bus', async (importOriginal) => ({ ...(await importOriginal<object>()), revalidateTagsInPageCache, replayTagsInPageCache }));

const T0 = new Date('2026-11-20T03:00:00.000Z');

describe.each(TEST_ENGINES)('cache invalidation on %s', (engine) => {
  let conn: TestDatabase;
  beforeAll(async () => {
    conn = await openTestDatabase(engine, 'invalidate', { prepared: true });
  }, 60_000);
  afterAll(() => conn?.close());
  beforeEach(() => {
    revalidateTag.mockClear();
    revalidateTagsInPageCache.mockClear();
    replayTagsInPageCache.mockClear();
  });

  it("invalidates with the 'max' profile and records each tag", async () => {
    await invalidateTags(conn.db, ['article:abcdefgh', 'articles'], T0);
    expect(revalidateTag.mock.calls).toEqual([
      ['article:abcdefgh', 'max'],
      ['articles', 'max'],
    ]);
    // The rails snapshot (ticker, 最新記事, rankings) is told too: it is not a Next.js cached read.
    expect(forgetRailsAfter).toHaveBeenLastCalledWith(['article:abcdefgh', 'articles']);
    await invalidateTags(conn.db, [], T0);
    expect(revalidateTag).toHaveBeenCalledTimes(2);
  });

  it('drops the pages at once for a withdrawal, so no cache serves the old page again', async () => {
    await invalidateTags(conn.db, ['article:abcdefgh', 'articles'], T0, { expire: 'now' });
    expect(revalidateTag.mock.calls).toEqual([
      ['article:abcdefgh', { expire: 0 }],
      ['articles', { expire: 0 }],
    ]);
  });

  it('replays, after a restart, only what a cached page could still be missing', async () => {
    const hour = 3_600_000;
    await invalidateTags(conn.db, ['section:world'], new Date(T0.getTime() + 23 * hour));
    revalidateTag.mockClear();
    // A day and an hour on, the first two tags are older than the longest backstop (a day).
    const replayed = await replayRecentInvalidations(conn.db, new Date(T0.getTime() + 25 * hour));
    expect(replayed).toBe(1);
    // Outside any request (on start, before the first request): straight into this process's page cache.
    expect(revalidateTag).not.toHaveBeenCalled();
    // Each at the time it was made: pages cached before it are rendered afresh, not served once more.
    expect(replayTagsInPageCache.mock.calls).toEqual([[[{ tag: 'section:world', at: new Date(T0.getTime() + 23 * hour).toISOString(), expire: 'stale' }]]]);
    const left = await conn.db.selectFrom('cache_invalidations').select('tag').execute();
    expect(left.map((r) => r.tag)).toEqual(['section:world']);
  });

  it('invalidates outside a request (the scheduler) through the page cache, and records as a request does', async () => {
    const at = new Date(T0.getTime() + 60_000);
    await invalidateTagsInProcess(conn.db, ['article:zzzzzzzz', 'articles'], at);
    expect(revalidateTag).not.toHaveBeenCalled();
    expect(revalidateTagsInPageCache.mock.calls).toEqual([[['article:zzzzzzzz', 'articles'], 'stale']]);
    expect(forgetRailsAfter).toHaveBeenLastCalledWith(['article:zzzzzzzz', 'articles']);
    const rows = await conn.db.selectFrom('cache_invalidations').select(['tag', 'at', 'expire']).where('tag', '=', 'article:zzzzzzzz').execute();
    expect(rows).toEqual([{ tag: 'article:zzzzzzzz', at: at.toISOString(), expire: 'stale' }]);
  });
});
