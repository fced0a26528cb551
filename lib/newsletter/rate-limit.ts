import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

export type RateLimit = { name: string; max: number; windowSeconds: number };

/**
 * Signup limits. Per client (IPv4 address or IPv6 /64): a household or office
 * behind one address can still sign several people up. Per address: stops
 * anyone from using the form to flood one inbox with confirmation mails.
 */
export const SIGNUP_LIMITS = {
  perClient: { name: 'client', max: 10, windowSeconds: 600 },
  perAddress: { name: 'address', max: 3, windowSeconds: 3600 },
} as const satisfies Record<string, RateLimit>;

export const RATE_LIMIT_MESSAGE = '短時間に多くのお申し込みがありました。しばらく時間をおいてから、もう一度お試しください。';

/**
 * Counts one request against `limit` for `subject` in a fixed window and
 * says whether it is allowed, and when to retry if not. One upsert, so
 * concurrent requests on several instances count exactly.
 */
export async function hitRateLimit(
  db: Kysely<Database>,
  limit: RateLimit,
  subject: string,
  now: Date,
): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }> {
  const key = `${limit.name}:${subject}`;
  const windowOpenedBefore = new Date(now.getTime() - limit.windowSeconds * 1000).toISOString();
  const row = await db
    .insertInto('newsletter_rate_limits')
    .values({ key, window_started_at: now.toISOString(), hits: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => {
        const expired = eb('newsletter_rate_limits.window_started_at', '<=', windowOpenedBefore);
        return {
          hits: eb.case().when(expired).then(1).else(eb('newsletter_rate_limits.hits', '+', 1)).end(),
          window_started_at: eb.case().when(expired).then(eb.ref('excluded.window_started_at')).else(eb.ref('newsletter_rate_limits.window_started_at')).end(),
        };
      }),
    )
    .returning(['hits', 'window_started_at'])
    .executeTakeFirstOrThrow();
  if (row.hits <= limit.max) return { allowed: true };
  const reopens = Date.parse(row.window_started_at) + limit.windowSeconds * 1000;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((reopens - now.getTime()) / 1000)) };
}

/** Drops counters whose window closed long ago (the worker's housekeeping). */
export async function pruneRateLimits(db: Kysely<Database>, now: Date): Promise<void> {
  const longest = Math.max(...Object.values(SIGNUP_LIMITS).map((l) => l.windowSeconds));
  await db
    .deleteFrom('newsletter_rate_limits')
    .where('window_started_at', '<', new Date(now.getTime() - longest * 1000).toISOString())
    .execute();
}
