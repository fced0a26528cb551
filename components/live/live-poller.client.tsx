'use client';
// Runs in the browser, loaded once a live page has started: React Query polls GET /api/live/{id} while the tab is visible.

import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { QueryProvider } from '@/components/query/query-provider.client';
import type { LiveUpdate } from '@/lib/live/types';

type LivePollerProps = { articleId: string; after: string | null; onUpdate: (update: LiveUpdate) => void };

/** How often an open live page asks for new posts (ms); with the endpoint's 5 s at the CDN, a post shows within about 10 s. */
export const LIVE_POLL_MS = 5_000;

/** Before the page has a post: the beginning of time, so the first post counts as new. */
const NO_POSTS = '1970-01-01T00:00:00.000Z';

async function fetchUpdate(articleId: string, after: string, signal: AbortSignal): Promise<LiveUpdate> {
  const response = await fetch(`/api/live/${articleId}?after=${encodeURIComponent(after)}`, { signal, headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`live: HTTP ${response.status}`);
  return (await response.json()) as LiveUpdate;
}

function Poller({ articleId, after, onUpdate }: LivePollerProps) {
  const since = after ?? NO_POSTS;
  const { data } = useQuery({
    // Keyed by the newest post the page has, so every reader at the same point asks the same (CDN-cached) address.
    queryKey: ['live', articleId, since],
    queryFn: ({ signal }) => fetchUpdate(articleId, since, signal),
    staleTime: 0,
    refetchInterval: LIVE_POLL_MS,
    // Only while the tab is visible: a tab in the background asks again when it is shown.
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: true,
    // A failed poll keeps what is shown; the next interval tries again.
    retry: false,
  });
  useEffect(() => {
    if (data) onUpdate(data);
  }, [data, onUpdate]);
  return null;
}

/** A leaf that renders nothing and reports each answer of the live endpoint. */
export default function LivePoller(props: LivePollerProps) {
  return (
    <QueryProvider>
      <Poller {...props} />
    </QueryProvider>
  );
}
