import 'server-only';
import type { Kysely } from 'kysely';
import { revalidateTag } from 'next/cache';
import { announceInvalidation, recordAppliedInvalidation } from '../cache/invalidation-bus';
import { CACHE_SECONDS } from '../cache/tags';
import type { Database } from '../db/schema';
import { forgetRailsAfter } from '../rails';

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
 * anonymous reader sees the change. Route handlers only: revalidateTag needs
 * a request's work store.
 *
 * Next.js keeps invalidations in memory while cached pages live on disk, so
 * a restart before a page's next visit would bring the old page back until
 * its backstop. Each invalidation is therefore also recorded, and the
 * scheduler's first call after start replays the recent ones. Other
 * instances apply it from the announcement or the record.
 */
export async function invalidateTags(db: Kysely<Database>, tags: readonly string[], now = new Date(), { expire = 'stale' }: InvalidateOptions = {}): Promise<void> {
  if (tags.length === 0) return;
  for (const tag of tags) revalidateTag(tag, expire === 'now' ? { expire: 0 } : 'max');
  forgetRailsAfter(tags);
  const at = now.toISOString();
  await db
    .insertInto('cache_invalidations')
    .values(tags.map((tag) => ({ tag, at, expire })))
    .onConflict((oc) => oc.column('tag').doUpdateSet({ at, expire }))
    .execute();
  // Every other instance applies it too (lib/cache/invalidation-bus.ts).
  announceInvalidation({ tags: [...tags], at, expire });
}

/** The longest a cached page can outlive an invalidation it missed: the longest backstop. */
const REPLAY_WINDOW_MS = Math.max(...Object.values(CACHE_SECONDS)) * 1000;

/** Re-invalidates what was invalidated within the replay window (after a restart); returns how many tags. */
export async function replayRecentInvalidations(db: Kysely<Database>, now = new Date()): Promise<number> {
  const since = new Date(now.getTime() - REPLAY_WINDOW_MS).toISOString();
  await db.deleteFrom('cache_invalidations').where('at', '<', since).execute();
  const rows = await db.selectFrom('cache_invalidations').select(['tag', 'at', 'expire']).execute();
  for (const { tag, at, expire } of rows) {
    revalidateTag(tag, expire === 'now' ? { expire: 0 } : 'max');
    recordAppliedInvalidation(tag, at);
  }
  return rows.length;
}
