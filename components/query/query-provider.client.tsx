'use client';
// Runs in the browser: React Query's cache belongs to the reader's tab, shared by every leaf that uses it.

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';

let browserClient: QueryClient | undefined;

function createClient() {
  return new QueryClient({
    defaultOptions: {
      // Server-rendered data is fresh when it arrives; nothing refetches on load or focus.
      queries: { staleTime: Infinity, refetchOnWindowFocus: false, retry: 1 },
      mutations: { retry: false },
    },
  });
}

/**
 * Wraps an interactive leaf. One client per tab (several leaves on a page
 * share its cache); on the server a fresh one per render, so no reader's
 * data can reach another's.
 */
export function QueryProvider({ children }: { children: React.ReactNode }) {
  const [client] = useState(() => (typeof window === 'undefined' ? createClient() : (browserClient ??= createClient())));
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
