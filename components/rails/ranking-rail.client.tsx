'use client';
// Runs in the browser so 人気ランキング can change in place when the page's rails are refreshed (rails-provider.client.tsx).

import Link from 'next/link';
import { RankingList } from './ranking-list';
import { RankingTabs } from './ranking-tabs.client';
import { RailHeading } from './rail-heading';
import { useRails } from './rails-provider.client';

/** 人気ランキング in the sidebar: the three windows as tabs, all in the server HTML. */
export function RankingRail() {
  const lists = useRails().rankings;
  if (lists.length === 0) return null;
  return (
    <section aria-labelledby="ranking-heading" data-testid="ranking-block">
      <RailHeading id="ranking-heading">人気ランキング</RailHeading>
      <RankingTabs
        idPrefix="ranking"
        label="集計期間"
        tabs={lists.map((list) => ({ key: list.period, label: list.label, panel: <RankingList list={list} /> }))}
      />
      <p className="mt-2 text-right text-sm">
        <Link href="/ranking" className="font-semibold text-brand hover:underline">
          ランキング一覧へ
        </Link>
      </p>
    </section>
  );
}
