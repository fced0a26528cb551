import { parseBody } from '../text/markdown';
import { formatJstTime, formatShortDate, toJstDay } from '../time/jst';
import type { LivePost } from './types';

/** A live_posts row joined with its editor's name, as the queries select it. */
export type LivePostRow = {
  id: string;
  posted_at: string;
  headline: string | null;
  body: string;
  pinned: number;
  edited_at: string | null;
  author: string | null;
};

/**
 * A post's time as the stream prints it: 「14:32」 in Japan time, with the
 * date in front (「12/6 00:12」) once coverage has crossed midnight from the
 * day it began, so a reader of a two-day stream can tell the nights apart.
 */
export function formatLivePostTime(postedAt: string, startedAt: string | null): string {
  const time = formatJstTime(postedAt);
  if (!startedAt || toJstDay(postedAt) === toJstDay(startedAt)) return time;
  return `${formatShortDate(postedAt)} ${time}`;
}

/** A row as readers see it: the body parsed once, the time label made for the coverage it belongs to. */
export function toLivePost(row: LivePostRow, startedAt: string | null): LivePost {
  return {
    id: row.id,
    postedAt: row.posted_at,
    timeLabel: formatLivePostTime(row.posted_at, startedAt),
    headline: row.headline || null,
    // A post is one short piece: a page break means nothing in it.
    blocks: parseBody(row.body).filter((b) => b.type !== 'pagebreak'),
    author: row.author,
    pinned: row.pinned === 1,
    editedAt: row.edited_at,
  };
}

/**
 * When a live page last changed for readers and crawlers: the newest of
 * its own update time, its posts' times and edits, and the end of its
 * coverage (ADR 0039). The one rule for `dateModified` in its JSON-LD and
 * `<lastmod>` in the sitemaps, which read the same times from SQL. Posts
 * do not move the article's `updated_at` (ADR 0036); this does the moving.
 */
export function toLiveModifiedAt(updatedAt: string, times: readonly (string | null | undefined)[]): string {
  let newest = updatedAt;
  for (const t of times) if (t && Date.parse(t) > Date.parse(newest)) newest = t;
  return newest;
}

/** Where a live page's coverage stands: before its first post, running, or ended by the desk. */
export type LiveCoverageState = 'waiting' | 'running' | 'ended';

/** A page's coverage state from its columns; null for an ordinary article. */
export function toLiveCoverageState(row: { kind: 'article' | 'live'; live_started_at: string | null; live_ended_at: string | null }): LiveCoverageState | null {
  if (row.kind !== 'live') return null;
  if (row.live_ended_at) return 'ended';
  return row.live_started_at ? 'running' : 'waiting';
}

/** The pinned posts (要点), newest first, from a stream's posts. */
export function selectPinnedPosts(posts: readonly LivePost[]): LivePost[] {
  return posts.filter((p) => p.pinned);
}
