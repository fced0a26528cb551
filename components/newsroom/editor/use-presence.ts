import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { PRESENCE_HEARTBEAT_MS, type PresentEditor } from '@/lib/newsroom/presence-rules';
import { sendJson } from '../send-json';

/** This tab's id for the server's presence rows: random, never stored, new at every page load. */
function createTabId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Who else has the article open (ADR 0047). While the tab is visible, React
 * Query posts this tab's heartbeat every PRESENCE_HEARTBEAT_MS and the answer
 * is the list: one request does both. A hidden tab stops (its mark expires on
 * the server) and asks again as soon as it is shown. Leaving the article (a
 * link in the app unmounts the editor) or the page (closing, reloading:
 * `pagehide`) says goodbye with a keepalive request, best effort; expiry
 * covers the rest. `enabled` is false for a new article nobody else can have open.
 */
export function usePresence({ articleId, csrfToken, enabled }: { articleId: string; csrfToken: string; enabled: boolean }): PresentEditor[] {
  const [tab] = useState(createTabId);
  const path = `/api/newsroom/articles/${articleId}/presence`;
  const { data } = useQuery({
    queryKey: ['presence', articleId, tab],
    queryFn: async () => {
      const answer = await sendJson(path, csrfToken, { tab });
      if (!answer.ok) throw new Error(answer.error);
      return (answer.body.others ?? []) as PresentEditor[];
    },
    enabled,
    staleTime: 0,
    refetchInterval: PRESENCE_HEARTBEAT_MS,
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: true,
    // A lost heartbeat is followed by the next one; the server counts three before forgetting the tab.
    retry: false,
  });

  useEffect(() => {
    if (!enabled) return;
    // fetch with keepalive, not sendBeacon: it carries the X-CSRF-Token header every newsroom POST is checked for.
    const leave = () =>
      void fetch(path, {
        method: 'POST',
        keepalive: true,
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrfToken },
        body: JSON.stringify({ tab, leaving: true }),
      }).catch(() => undefined);
    window.addEventListener('pagehide', leave);
    return () => {
      window.removeEventListener('pagehide', leave);
      leave();
    };
  }, [enabled, path, csrfToken, tab]);

  return data ?? [];
}
