'use client';
// Runs in the browser: a moment after a live page starts, loads the leaf that asks for newer posts (./live-feed.client.tsx).

import { useEffect } from 'react';
import { useOnDemand } from '../query/use-on-demand';

type LiveUpdatesProps = {
  articleId: string;
  /** UTC ISO time of the newest post the page was rendered with; null when it had none. */
  newestPostedAt: string | null;
  /** The newest edit or deletion of a post the page was rendered with (LiveStream.changedAt). */
  changedAt: string | null;
  /** Ids of the 要点 the page was rendered with. */
  pinned: string[];
};

/** When the feed loads after the page starts (ms): never during the page's own start-up. */
const FIRST_POLL_AFTER_MS = 2_000;

/**
 * New posts for an open live page (ADR 0036). All that ships with the page
 * is this timer: React Query, the button and the rendering of new posts are
 * loaded with the feed, so an article's first load carries none of it.
 * Without JavaScript the server's HTML already has every post.
 */
export function LiveUpdates({ articleId, newestPostedAt, changedAt, pinned }: LiveUpdatesProps) {
  const { loaded: Feed, load } = useOnDemand(() => import('./live-feed.client'));
  useEffect(() => {
    const timer = setTimeout(() => void load().catch(() => undefined), FIRST_POLL_AFTER_MS);
    return () => clearTimeout(timer);
  }, [load]);
  // A refreshed page (an edit, a deletion, new 要点) is a new starting point: the feed starts again from it.
  return Feed ? <Feed key={`${newestPostedAt}|${changedAt}|${pinned.join(',')}`} articleId={articleId} newestPostedAt={newestPostedAt} changedAt={changedAt} pinned={pinned} /> : null;
}
