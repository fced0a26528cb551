import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, type Connection } from '../db/connect';
import { openTestSqlite } from '../../test/support/database';
import { announceInvalidation, encodeAnnouncement, startInvalidationListener, type Expiry } from './invalidation-bus';

/**
 * Another instance's invalidations reach this process: announced on Redis
 * (real server, REDIS_TEST_URL, a channel prefix of this run's own) or, when
 * that fails, read from the database's record. "Another instance" is what
 * one does: a row in `cache_invalidations` and a message on the channel.
 */

const REDIS_URL = process.env.REDIS_TEST_URL ?? 'redis://127.0.0.1:6379';
/** A port nothing listens on: Redis down. */
const DEAD_REDIS_URL = 'redis://127.0.0.1:1';
const prefix = `kiji-test-${randomBytes(4).toString('hex')}:`;
const POLL_MS = 200;

let conn: Connection;
let other: Redis;
let applied: { tags: string[]; expire: Expiry; at: number }[];
let stop: (() => Promise<void>) | null = null;

beforeAll(async () => {
  conn = openTestSqlite();
  await migrateToLatest(conn);
  other = new Redis(REDIS_URL);
});

afterAll(async () => {
  other.disconnect();
  await conn.db.destroy();
});

afterEach(async () => {
  await stop?.();
  stop = null;
});

async function listen(redisUrl: string, pollMs = POLL_MS) {
  applied = [];
  stop = await startInvalidationListener({
    db: conn.db,
    redisUrl,
    redisPrefix: prefix,
    pollMs,
    apply: (tags, expire) => void applied.push({ tags, expire, at: Date.now() }),
  });
}

/** What another instance does for one invalidation: records it, then announces it. */
async function otherInstanceInvalidates(tags: string[], expire: Expiry, { announce = true } = {}) {
  const at = new Date().toISOString();
  for (const tag of tags) {
    await conn.db.insertInto('cache_invalidations').values({ tag, at, expire }).onConflict((oc) => oc.column('tag').doUpdateSet({ at, expire })).execute();
  }
  if (announce) await other.publish(`${prefix}invalidations`, encodeAnnouncement('another-instance', { tags, at, expire }));
  return Date.now();
}

const tagsApplied = () => applied.flatMap((a) => a.tags);

describe('invalidations made by another instance', () => {
  it('arrive through Redis without waiting for the table, once each, with their expiry', async () => {
    // The table is not read for a minute: only the announcement can bring it.
    await listen(REDIS_URL, 60_000);
    await otherInstanceInvalidates(['article:fast1234', 'section:world'], 'now');
    await expect.poll(() => applied.length, { timeout: 10_000, interval: 10 }).toBe(1);
    expect(applied[0]).toMatchObject({ tags: ['article:fast1234', 'section:world'], expire: 'now' });
  });

  it('arriving by both paths are applied once', async () => {
    await listen(REDIS_URL);
    await otherInstanceInvalidates(['article:both1234'], 'stale');
    await expect.poll(() => tagsApplied(), { timeout: 10_000, interval: 10 }).toEqual(['article:both1234']);
    // The table holds the same invalidation: reading it applies nothing again.
    await new Promise((r) => setTimeout(r, 3 * POLL_MS));
    expect(tagsApplied()).toEqual(['article:both1234']);
  });

  it('arrive from the table while Redis cannot be reached', async () => {
    await listen(DEAD_REDIS_URL);
    await otherInstanceInvalidates(['article:slow1234'], 'stale', { announce: false });
    await expect.poll(() => tagsApplied(), { timeout: 10_000 }).toEqual(['article:slow1234']);
    expect(applied[0]!.expire).toBe('stale');
    // A later invalidation of the same tag is a new one.
    await new Promise((r) => setTimeout(r, 5));
    await otherInstanceInvalidates(['article:slow1234'], 'now', { announce: false });
    await expect.poll(() => applied.length, { timeout: 10_000 }).toBe(2);
    expect(applied[1]).toMatchObject({ tags: ['article:slow1234'], expire: 'now' });
  });

  it("are never this instance's own, by either path", async () => {
    await listen(REDIS_URL);
    const at = new Date().toISOString();
    await conn.db.insertInto('cache_invalidations').values({ tag: 'article:mine1234', at, expire: 'stale' }).execute();
    announceInvalidation({ tags: ['article:mine1234'], at, expire: 'stale' });
    await new Promise((r) => setTimeout(r, 4 * POLL_MS));
    expect(applied).toEqual([]);
    // Messages that are not ours are ignored.
    await other.publish(`${prefix}invalidations`, 'not json');
    await other.publish(`${prefix}invalidations`, JSON.stringify({ from: 'x', tags: 'articles' }));
    await new Promise((r) => setTimeout(r, 2 * POLL_MS));
    expect(applied).toEqual([]);
  });
});
