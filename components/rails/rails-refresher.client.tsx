'use client';
// Runs in the browser, loaded once a page's rails are old: React Query polls GET /api/rails while the tab is visible.

import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { QueryProvider } from '@/components/query/query-provider.client';
import { RAILS_STALE_MS, type RailsSnapshot } from '@/lib/rails/types';

type RailsRefresherProps = { initial: RailsSnapshot; onChange: (rails: RailsSnapshot) => void };

async function fetchRails(signal: AbortSignal): Promise<RailsSnapshot> {
  const response = await fetch('/api/rails', { signal, headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`rails: HTTP ${response.status}`);
  return (await response.json()) as RailsSnapshot;
}

function Refresher({ initial, onChange }: RailsRefresherProps) {
  const { data } = useQuery({
    queryKey: ['rails'],
    queryFn: ({ signal }) => fetchRails(signal),
    initialData: initial,
    // The page's snapshot counts from when the server read it, so an old cached page refreshes at once.
    initialDataUpdatedAt: Date.parse(initial.at),
    staleTime: RAILS_STALE_MS,
    refetchInterval: RAILS_STALE_MS,
    refetchOnWindowFocus: true,
    // A failed poll keeps what is shown; the next interval tries again.
    retry: false,
  });
  useEffect(() => onChange(data), [data, onChange]);
  return null;
}

/** A leaf that renders nothing and reports each new snapshot of the rails. */
export default function RailsRefresher(props: RailsRefresherProps) {
  return (
    <QueryProvider>
      <Refresher {...props} />
    </QueryProvider>
  );
}
