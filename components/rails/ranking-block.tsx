import Link from 'next/link';
import type { RankingList as RankingListData } from '@/lib/rankings';
import { RankingList } from './ranking-list';
import { RankingTabs } from './ranking-tabs.client';
import { RailHeading } from './rail-heading';

type RankingBlockProps = { lists: RankingListData[] };

/** 人気ランキング in the sidebar: the three windows as tabs, all in the server HTML. */
export function RankingBlock({ lists }: RankingBlockProps) {
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
