'use client';
// Runs in the browser: holds the page's rails and, once they are old enough, refreshes them from GET /api/rails without a reload.

import { createContext, use, useEffect, useState } from 'react';
import { RAILS_STALE_MS, type RailsSnapshot } from '@/lib/rails/types';
import { useOnDemand } from '../query/use-on-demand';

const RailsContext = createContext<RailsSnapshot | null>(null);

/** The earliest the refresher loads after the page starts (ms), however old the page's snapshot. */
const FIRST_REFRESH_AFTER_MS = 2_000;

type RailsProviderProps = { initial: RailsSnapshot; children: React.ReactNode };

/**
 * The rails a page was rendered with, shared by the ticker, 最新記事 and
 * 人気ランキング wherever they sit on the page. A cached page may be hours
 * old; its rails must not be. When the snapshot is RAILS_STALE_MS old (two
 * seconds in, when the browser is idle, for an old page; later for a fresh
 * one) the refresher is loaded: it
 * brings React Query, which then keeps the rails current while the tab is
 * visible and when it regains focus. Without JavaScript the rails show what
 * was rendered.
 */
export function RailsProvider({ initial, children }: RailsProviderProps) {
  const [rails, setRails] = useState(initial);
  const { loaded: Refresher, load } = useOnDemand(() => import('./rails-refresher.client'));
  useEffect(() => {
    // Never during the page's own start-up: the rails can wait a moment, the reader's first tap cannot.
    const wait = Math.max(FIRST_REFRESH_AFTER_MS, Date.parse(initial.at) + RAILS_STALE_MS - Date.now());
    let idle: number | undefined;
    const timer = setTimeout(() => {
      const start = () => void load().catch(() => undefined);
      if ('requestIdleCallback' in window) idle = window.requestIdleCallback(start, { timeout: 5_000 });
      else start();
    }, wait);
    return () => {
      clearTimeout(timer);
      if (idle !== undefined) window.cancelIdleCallback(idle);
    };
  }, [initial.at, load]);
  return (
    <RailsContext value={rails}>
      {children}
      {Refresher && <Refresher initial={initial} onChange={setRails} />}
    </RailsContext>
  );
}

/** The page's current rails (inside RailsProvider). */
export function useRails(): RailsSnapshot {
  const rails = use(RailsContext);
  if (!rails) throw new Error('useRails needs a RailsProvider above it');
  return rails;
}
