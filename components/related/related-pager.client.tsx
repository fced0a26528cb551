'use client';
// Runs in the browser, loaded only when a reader nears the end of a row: React Query fetches the next pages of cards.

import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useEffectEvent } from 'react';
import { QueryProvider } from '@/components/query/query-provider.client';
import type { RelatedCard } from '@/lib/related/cards';
import type { RelatedPage, RelatedSliceName } from '@/lib/related/slices';

/** What the carousel shows of the pages fetched so far. */
export type RelatedPagesState = {
  pages: RelatedPage<RelatedCard>[];
  hasNextPage: boolean;
  fetching: boolean;
  failed: boolean;
};

type RelatedPagerProps = {
  articleId: string;
  slice: RelatedSliceName;
  initial: RelatedPage<RelatedCard>;
  /** Grows by one each time the reader asks for more; every change fetches the next page (or retries a failed one). */
  demand: number;
  onChange: (state: RelatedPagesState) => void;
};

async function fetchRelatedPage(articleId: string, slice: RelatedSliceName, page: number, signal: AbortSignal): Promise<RelatedPage<RelatedCard>> {
  const response = await fetch(`/api/related/${encodeURIComponent(articleId)}?slice=${slice}&page=${page}`, { signal, headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`related articles: HTTP ${response.status}`);
  return (await response.json()) as RelatedPage<RelatedCard>;
}

function Pager({ articleId, slice, initial, demand, onChange }: RelatedPagerProps) {
  const { data, hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage } = useInfiniteQuery({
    queryKey: ['related', articleId, slice],
    queryFn: ({ pageParam, signal }) => fetchRelatedPage(articleId, slice, pageParam, signal),
    initialPageParam: 1,
    getNextPageParam: (last) => last.nextPage ?? undefined,
    initialData: { pages: [initial], pageParams: [1] },
  });

  // Only a new demand fetches; a page arriving (a new `hasNextPage`) does not fetch the one after it.
  const fetchOnDemand = useEffectEvent(() => {
    if (hasNextPage) void fetchNextPage({ cancelRefetch: false });
  });
  useEffect(() => {
    if (demand > 0) fetchOnDemand();
  }, [demand]);

  // Nothing to say until the fetch asked for on mounting has started (the carousel already shows it as busy).
  const started = isFetchingNextPage || isFetchNextPageError || data.pages.length > 1 || !hasNextPage;
  useEffect(() => {
    if (!started) return;
    onChange({ pages: data.pages, hasNextPage, fetching: isFetchingNextPage, failed: isFetchNextPageError && !isFetchingNextPage });
  }, [started, data.pages, hasNextPage, isFetchingNextPage, isFetchNextPageError, onChange]);

  return null;
}

/**
 * The carousel's data once a reader wants more than the first cards: a leaf
 * that renders nothing and reports the pages it holds. Kept out of the page's
 * first scripts (React.lazy in the carousel), so React Query costs a reader
 * nothing until they scroll a row to its end.
 */
export default function RelatedPager(props: RelatedPagerProps) {
  return (
    <QueryProvider>
      <Pager {...props} />
    </QueryProvider>
  );
}
