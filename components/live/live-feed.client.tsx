'use client';
// Runs in the browser, loaded once a live page has started: React Query polls GET /api/live/{id} while the tab is visible, and new posts wait for a tap.

import { useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, useState } from 'react';
import { QueryProvider } from '@/components/query/query-provider.client';
import { changesShownPosts } from '@/lib/live/changes';
import type { LivePost, LiveUpdate } from '@/lib/live/types';
import { LivePostView } from './live-post';

type LiveFeedProps = { articleId: string; newestPostedAt: string | null; changedAt: string | null; pinned: string[] };

/** How often an open live page asks for new posts (ms); with the endpoint's 5 s at the CDN, a post shows within about 10 s. */
const LIVE_POLL_MS = 5_000;

/** Before the page has a post: the beginning of time, so the first post counts as new. */
const NO_POSTS = '1970-01-01T00:00:00.000Z';

async function fetchUpdate(articleId: string, after: string, signal: AbortSignal): Promise<LiveUpdate> {
  const response = await fetch(`/api/live/${articleId}?after=${encodeURIComponent(after)}`, { signal, headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`live: HTTP ${response.status}`);
  return (await response.json()) as LiveUpdate;
}

function Poller({ articleId, after, onUpdate }: { articleId: string; after: string; onUpdate: (update: LiveUpdate) => void }) {
  const { data, dataUpdatedAt } = useQuery({
    // Keyed by the newest post the page has, so every reader at the same point asks the same (CDN-cached) address.
    queryKey: ['live', articleId, after],
    queryFn: ({ signal }) => fetchUpdate(articleId, after, signal),
    staleTime: 0,
    refetchInterval: LIVE_POLL_MS,
    // Only while the tab is visible: a tab in the background asks again when it is shown.
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: true,
    // A failed poll keeps what is shown; the next interval tries again.
    retry: false,
  });
  // Every answer, even one equal to the last (React Query keeps the same object): a refresh that met an old page must be tried again.
  useEffect(() => {
    if (data) onUpdate(data);
  }, [data, dataUpdatedAt, onUpdate]);
  return null;
}

/**
 * New posts wait behind a fixed-position button 「新しい投稿 N件」, which
 * covers nothing the reader is reading and moves nothing (CLS 0); a tap
 * inserts them above the stream and brings the newest into view (a shift
 * right after input is the reader's own). A change to posts already shown
 * (an edit, a deletion, other 要点, the end of coverage) is not left for a
 * tap, since the page would keep showing what the desk withdrew: the page
 * is refreshed from its cached server render (the stream's tag was
 * invalidated by the command), which keeps the scroll position, and the
 * feed starts again from it; after the end it renders no feed, so the page stops asking.
 */
function Feed({ articleId, newestPostedAt, changedAt, pinned }: LiveFeedProps) {
  const router = useRouter();
  const [pending, setPending] = useState<LivePost[]>([]);
  const [inserted, setInserted] = useState<LivePost[]>([]);
  const seen = useRef(new Set<string>());

  const onUpdate = useCallback(
    (update: LiveUpdate) => {
      // This feed runs only on a page rendered while coverage ran (LiveStreamView).
      if (changesShownPosts({ changedAt, pinned, ended: false }, update)) {
        router.refresh();
        return;
      }
      const fresh = update.posts.filter((p) => !seen.current.has(p.id));
      for (const p of fresh) seen.current.add(p.id);
      if (fresh.length > 0) setPending((before) => [...fresh, ...before]);
    },
    [changedAt, pinned, router],
  );

  const newest = pending[0]?.postedAt ?? inserted[0]?.postedAt ?? newestPostedAt ?? NO_POSTS;

  function insert() {
    const first = pending[0];
    setInserted((before) => [...pending, ...before]);
    setPending([]);
    if (first) requestAnimationFrame(() => document.getElementById(`post-${first.id}`)?.scrollIntoView({ block: 'start' }));
  }

  return (
    <>
      <Poller articleId={articleId} after={newest} onUpdate={onUpdate} />
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

export default function LiveFeed(props: LiveFeedProps) {
  return (
    <QueryProvider>
      <Feed {...props} />
    </QueryProvider>
  );
}
