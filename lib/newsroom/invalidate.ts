import 'server-only';
import type { Kysely } from 'kysely';
import { revalidateTag } from 'next/cache';
import { announceInvalidation, recordAppliedInvalidation, replayTagsInPageCache, revalidateTagsInPageCache } from '../cache/invalidation-bus';
import { CACHE_SECONDS } from '../cache/tags';
import type { Database } from '../db/schema';
import { forgetRailsAfter } from '../rails';
import { purgeFrontCachesFor } from './warm';

export type InvalidateOptions = {
  /**
   * `stale` (the default, Next's `max` profile): the next request gets the old
   * page once while the new one renders. `now`: the pages are dropped and the
   * next request waits for a new render. A withdrawal uses it: the story must
   * leave every page and cache at once (often for legal reasons), and it is
   * rare enough that a blocking render costs nothing worth saving.
   */
  expire?: 'stale' | 'now';
};

/**
 * Marks the pages behind these cache tags stale (lib/cache/tags.ts). With the
 * `max` profile the next request regenerates the page (serving the old one
 * once meanwhile); docs/benchmarks.md has the measured time until an
 * anonymous reader sees the change. In a route handler or Server Action
 * (revalidateTag needs a request's work store); outside one, the scheduler
 * uses {@link invalidateTagsInProcess}.
 *
 * Next.js keeps invalidations in memory while cached pages live on disk, so
 * a restart before a page's next visit would bring the old page back until
 * its backstop. Each invalidation is therefore also recorded, and the
 * server replays the recent ones on start, before its first request. Other
 * instances apply it from the announcement or the record.
 */
export async function invalidateTags(db: Kysely<Database>, tags: readonly string[], now = new Date(), { expire = 'stale' }: InvalidateOptions = {}): Promise<void> {
  if (tags.length === 0) return;
  for (const tag of tags) revalidateTag(tag, expire === 'now' ? { expire: 0 } : 'max');
  await recordAndAnnounce(db, tags, now, expire);
}

/**
 * {@link invalidateTags} outside any request (the scheduler's timer): the
 * same change to this process's page cache that the other instances make
 * when they apply an announcement (lib/cache/invalidation-bus.ts), then the
 * same record and announcement.
 */
export async function invalidateTagsInProcess(db: Kysely<Database>, tags: readonly string[], now = new Date(), { expire = 'stale' }: InvalidateOptions = {}): Promise<void> {
  if (tags.length === 0) return;
  await revalidateTagsInPageCache(tags, expire);
  await recordAndAnnounce(db, tags, now, expire);
}

async function recordAndAnnounce(db: Kysely<Database>, tags: readonly string[], now: Date, expire: 'stale' | 'now'): Promise<void> {
  forgetRailsAfter(tags);
  const at = now.toISOString();
  await db
    .insertInto('cache_invalidations')
    .values(tags.map((tag) => ({ tag, at, expire })))
    .onConflict((oc) => oc.column('tag').doUpdateSet({ at, expire }))
    .execute();
  // Every other instance applies it too (lib/cache/invalidation-bus.ts).
  announceInvalidation({ tags: [...tags], at, expire });
  // nginx's copies out at once; each instance purges again once it has re-rendered (warm.ts).
  void purgeFrontCachesFor(tags);
}

/** The longest a cached page can outlive an invalidation it missed: the longest backstop. */
const REPLAY_WINDOW_MS = Math.max(...Object.values(CACHE_SECONDS)) * 1000;

/**
 * Re-invalidates, in this process's page cache, what was invalidated within
 * the replay window (on start, lib/newsroom/server-start.ts), each at
 * its own time: a page cached before a change it missed is rendered afresh,
 * not served once more. Returns how many tags.
 */
export async function replayRecentInvalidations(db: Kysely<Database>, now = new Date()): Promise<number> {
  const since = new Date(now.getTime() - REPLAY_WINDOW_MS).toISOString();
  await db.deleteFrom('cache_invalidations').where('at', '<', since).execute();
  const rows = await db.selectFrom('cache_invalidations').select(['tag', 'at', 'expire']).execute();
  replayTagsInPageCache(rows);
  for (const { tag, at } of rows) recordAppliedInvalidation(tag, at);
  return rows.length;
}
