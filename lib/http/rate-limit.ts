import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

/**
 * Every rate limit of the site, one mechanism: a fixed-window counter per
 * limit and subject, kept in the database so it holds across instances and
 * restarts. The newsletter's signup limits and the newsroom's sign-in limits
 * are both instances of {@link RateLimit}.
 */
export type RateLimit = { name: string; max: number; windowSeconds: number };

export type RateVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts one request against `limit` for `subject` and says whether it is
 * within the limit, and when to retry if not. The count is written before it
 * is read, in one upsert, so concurrent requests (on several instances too)
 * count exactly: of 40 at once against a limit of 5, 5 are allowed. A refused
 * request counts too, but a window never grows: it closes `windowSeconds`
 * after its first hit, whatever comes after.
 */
export async function hitRateLimit(db: Kysely<Database>, limit: RateLimit, subject: string, now: Date): Promise<RateVerdict> {
  const key = `${limit.name}:${subject}`;
  const windowOpenedBefore = new Date(now.getTime() - limit.windowSeconds * 1000).toISOString();
  const row = await db
    .insertInto('rate_limits')
    .values({ key, window_started_at: now.toISOString(), hits: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => {
        const expired = eb('rate_limits.window_started_at', '<=', windowOpenedBefore);
        return {
          hits: eb.case().when(expired).then(1).else(eb('rate_limits.hits', '+', 1)).end(),
          window_started_at: eb.case().when(expired).then(eb.ref('excluded.window_started_at')).else(eb.ref('rate_limits.window_started_at')).end(),
        };
      }),
    )
    .returning(['hits', 'window_started_at'])
    .executeTakeFirstOrThrow();
  if (row.hits <= limit.max) return { allowed: true };
  const reopens = Date.parse(String(row.window_started_at)) + limit.windowSeconds * 1000;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((reopens - now.getTime()) / 1000)) };
}

/**
 * Takes back a hit that turned out to be legitimate (a sign-in with the right
 * password): `one` forgets that hit, `all` the subject's whole window.
 */
export async function forgiveRateLimit(db: Kysely<Database>, limit: RateLimit, subject: string, how: 'one' | 'all'): Promise<void> {
  const key = `${limit.name}:${subject}`;
  if (how === 'all') {
    await db.deleteFrom('rate_limits').where('key', '=', key).execute();
    return;
  }
  await db
    .updateTable('rate_limits')
    .set((eb) => ({ hits: eb('hits', '-', 1) }))
    .where('key', '=', key)
    .where('hits', '>', 0)
    .execute();
}

/** Longer than any window: a counter older than this can never count again. */
export const PRUNE_AFTER_MS = 24 * 60 * 60 * 1000;

/** Drops counters whose window closed long ago (the newsletter worker's housekeeping). */
export async function pruneRateLimits(db: Kysely<Database>, now: Date): Promise<void> {
  await db
    .deleteFrom('rate_limits')
    .where('window_started_at', '<', new Date(now.getTime() - PRUNE_AFTER_MS).toISOString())
    .execute();
}
