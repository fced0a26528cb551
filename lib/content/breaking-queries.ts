import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { selectSummaries } from './queries';
import { toArticleSummary } from './shape';
import type { ArticleSummary } from './types';

/** Items in the ニュース速報 ticker. */
export const TICKER_SIZE = 5;

/** How long a breaking flag lasts when the editor gives no expiry, in hours. */
export const DEFAULT_BREAKING_HOURS = 3;

/** A ticker item: a public article, flagged as breaking or filling an empty slot with the latest news. */
export type BreakingItem = ArticleSummary & { breaking: boolean };

type Db = Kysely<Database>;

/**
 * The ticker at `now`: public articles whose breaking flag has not expired,
 * most recently flagged first; when fewer than `limit` are live, the latest
 * other public articles fill the rest. Drafts, scheduled and unpublished
 * articles never appear, flagged or not.
 */
export async function listBreakingNews(db: Db, now: Date, limit = TICKER_SIZE): Promise<BreakingItem[]> {
  const flagged = await selectSummaries(db, now)
    .where('articles.breaking_until', '>', now.toISOString())
    // Flags set before breaking_at existed sort by their publication time.
    .orderBy((eb) => eb.fn.coalesce('articles.breaking_at', 'articles.published_at'), 'desc')
    .orderBy('articles.id')
    .limit(limit)
    .execute();
  const items: BreakingItem[] = flagged.map((r) => ({ ...toArticleSummary(r), breaking: true }));
  if (items.length < limit) {
    let fill = selectSummaries(db, now);
    if (items.length > 0) fill = fill.where('articles.id', 'not in', items.map((i) => i.id));
    const rows = await fill
      .orderBy('articles.published_at', 'desc')
      .orderBy('articles.id')
      .limit(limit - items.length)
      .execute();
    items.push(...rows.map((r) => ({ ...toArticleSummary(r), breaking: false })));
  }
  return items;
}

/**
 * Flags an article as breaking from `now` for `hours` (newsroom). The flag
 * shows only while the article is public; call `revalidateTag` for
 * CACHE_TAGS.breaking afterwards (POST /api/revalidate) so every page shows
 * it at once. Returns false for an unknown id.
 */
export async function setBreakingFlag(db: Db, id: string, { now = new Date(), hours = DEFAULT_BREAKING_HOURS } = {}): Promise<boolean> {
  if (!(hours > 0 && hours <= 48)) throw new RangeError(`A breaking flag lasts between 0 and 48 hours, not ${hours}`);
  const result = await db
    .updateTable('articles')
    .set({ breaking_at: now.toISOString(), breaking_until: new Date(now.getTime() + hours * 3_600_000).toISOString() })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Lowers an article's breaking flag (newsroom); revalidate CACHE_TAGS.breaking afterwards. */
export async function clearBreakingFlag(db: Db, id: string): Promise<boolean> {
  const result = await db.updateTable('articles').set({ breaking_at: null, breaking_until: null }).where('id', '=', id).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
