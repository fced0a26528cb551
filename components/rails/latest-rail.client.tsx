'use client';
// Runs in the browser so 最新記事 can change in place when the page's rails are refreshed (rails-provider.client.tsx).

import { HeadlineList } from '../cards/headline-list';
import { RailHeading } from './rail-heading';
import { useRails } from './rails-provider.client';

/**
 * 最新記事 in the sidebar: the newest public stories, site-wide. On an
 * article's page (`excludeId`), never that article itself, and always one
 * fewer than elsewhere, so the rail keeps its height when a refresh brings
 * the article into or out of the list.
 */
export function LatestRail({ excludeId }: { excludeId?: string }) {
  const all = useRails().latest;
  const items = excludeId === undefined ? all : all.filter((item) => item.id !== excludeId).slice(0, Math.max(0, all.length - 1));
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="latest-rail-heading">
      <RailHeading id="latest-rail-heading">最新記事</RailHeading>
      <HeadlineList items={items} />
    </section>
  );
}
