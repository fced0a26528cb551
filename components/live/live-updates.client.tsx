'use client';
// Runs in the browser: asks for posts newer than the page's while the tab is open, and inserts them when the reader taps.

import { useCallback, useEffect, useRef, useState } from 'react';
import type { LivePost, LiveUpdate } from '@/lib/live/types';
import { useOnDemand } from '../query/use-on-demand';
import { LivePostView } from './live-post';

type LiveUpdatesProps = { articleId: string; /** UTC ISO time of the newest post the page was rendered with; null when it had none. */ newestPostedAt: string | null };

/** When the poller loads after the page starts (ms): never during the page's own start-up. */
const FIRST_POLL_AFTER_MS = 2_000;

/**
 * New posts for an open live page (ADR 0036). React Query's poller
 * (./live-poller.client.tsx) is loaded a moment after the page, so the
 * article's first paint carries none of it. New posts wait behind a
 * fixed-position button 「新しい投稿 N件」, which covers nothing the reader
 * is reading and moves nothing (CLS 0); a tap inserts them above the
 * stream and brings the newest into view. Without JavaScript the server's
 * HTML already has every post.
 */
export function LiveUpdates({ articleId, newestPostedAt }: LiveUpdatesProps) {
  const [pending, setPending] = useState<LivePost[]>([]);
  const [inserted, setInserted] = useState<LivePost[]>([]);
  const [ended, setEnded] = useState(false);
  const seen = useRef(new Set<string>());
  const { loaded: Poller, load } = useOnDemand(() => import('./live-poller.client'));

  useEffect(() => {
    const timer = setTimeout(() => void load().catch(() => undefined), FIRST_POLL_AFTER_MS);
    return () => clearTimeout(timer);
  }, [load]);

  const onUpdate = useCallback((update: LiveUpdate) => {
    const fresh = update.posts.filter((p) => !seen.current.has(p.id));
    for (const p of fresh) seen.current.add(p.id);
    if (fresh.length > 0) setPending((before) => [...fresh, ...before]);
    if (update.endedAt) setEnded(true);
  }, []);

  const newest = pending[0]?.postedAt ?? inserted[0]?.postedAt ?? newestPostedAt;

  function insert() {
    const first = pending[0];
    setInserted((before) => [...pending, ...before]);
    setPending([]);
    if (first) requestAnimationFrame(() => document.getElementById(`post-${first.id}`)?.scrollIntoView({ block: 'start' }));
  }

  return (
    <>
      {Poller && !ended && <Poller articleId={articleId} after={newest} onUpdate={onUpdate} />}
      {pending.length > 0 && (
        <button
          type="button"
          onClick={insert}
          className="fixed bottom-4 left-1/2 z-40 -translate-x-1/2 rounded-full bg-brand-fill px-5 py-2 text-sm font-bold text-white shadow-lg hover:bg-brand-fill-dark focus-visible:outline-2 focus-visible:outline-offset-2"
          data-testid="live-new-posts"
        >
          新しい投稿 {pending.length}件
        </button>
      )}
      {inserted.length > 0 && (
        <ol className="space-y-6" data-testid="live-inserted-posts">
          {inserted.map((p) => (
            <li key={p.id}>
              <LivePostView post={p} />
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
