import type { LiveUpdate } from './types';

/** What a reader's open live page was rendered with, of what later commands can change in place. */
export type ShownLiveState = { changedAt: string | null; pinned: readonly string[]; ended: boolean };

const later = (a: string | null, b: string | null) => a !== null && (b === null || Date.parse(a) > Date.parse(b));

/**
 * Whether an update changes what an open page already shows: a post edited
 * or deleted since the page was rendered, another set of 要点, or the end of
 * coverage. New posts are not such a change: they wait for the reader's tap.
 * Client-safe: the page's feed asks it after every poll.
 */
export function changesShownPosts(shown: ShownLiveState, update: Pick<LiveUpdate, 'changedAt' | 'pinned' | 'endedAt'>): boolean {
  if (later(update.changedAt, shown.changedAt)) return true;
  if (update.endedAt !== null && !shown.ended) return true;
  const pinned = new Set(shown.pinned);
  return update.pinned.length !== pinned.size || update.pinned.some((id) => !pinned.has(id));
}
