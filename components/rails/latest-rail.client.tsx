'use client';
// Runs in the browser so 最新記事 can change in place when the page's rails are refreshed (rails-provider.client.tsx).

import { HeadlineList } from '../cards/headline-list';
import { RailHeading } from './rail-heading';
import { useRails } from './rails-provider.client';

/** 最新記事 in the sidebar: the newest public stories, site-wide. */
export function LatestRail() {
  const items = useRails().latest;
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="latest-rail-heading">
      <RailHeading id="latest-rail-heading">最新記事</RailHeading>
      <HeadlineList items={items} />
    </section>
  );
}
