import type { Metadata } from 'next';
import { NOT_FOUND_METADATA } from '@/lib/seo';
import { NotFoundPage } from '@/components/layout/not-found-page';
import { WithSidebar } from '@/components/layout/with-sidebar';
import { RankingList } from '@/components/rails/ranking-list';
import { RankingTabs } from '@/components/rails/ranking-tabs.client';
import { RailsScope } from '@/components/rails/rails-scope';
import { Sidebar } from '@/components/rails/sidebar';
import { toRailRanking } from '@/lib/rails';
import { getRankings } from '@/lib/rankings';

// Optional catch-all: rendered on first request, never at build (docs/adr/0003-caching.md);
// refreshed as often as the rankings can change (docs/adr/0005).
export const revalidate = 60;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

const METADATA: Metadata = {
  title: '人気ランキング',
  description: 'Kijiでいま多く読まれている記事。24時間・週間・月間のランキング。',
  alternates: { canonical: '/ranking' },
};

type RankingPageProps = { params: Promise<{ rest?: string[] }> };

// An address below this page (/ranking/…) is a 404 with a not-found page's head, not this page's.
export async function generateMetadata({ params }: RankingPageProps): Promise<Metadata> {
  const { rest } = await params;
  return rest && rest.length > 0 ? NOT_FOUND_METADATA : METADATA;
}

export default async function RankingPage({ params }: RankingPageProps) {
  const { rest } = await params;
  if (rest && rest.length > 0) return <NotFoundPage />;
  const lists = await getRankings();
  return (
    <RailsScope>
      <WithSidebar sidebar={<Sidebar showRankings={false} />}>
        <header className="mb-6 border-b-2 border-ink pb-3">
          <p className="text-xs font-bold tracking-widest text-brand">RANKING</p>
          <h1 className="mt-1 text-2xl font-bold sm:text-3xl">人気ランキング</h1>
          <p className="mt-2 text-sm text-muted">読者の閲覧数をもとに集計しています(クローラーや同じ方の短時間の再訪は除外)。</p>
        </header>
        {/* On phones the three windows are tabs (one list a screen); from 768 px, three columns. */}
        <RankingTabs
          idPrefix="ranking-page"
          label="集計期間"
          layout="columns"
          tabs={lists.map((list) => ({ key: list.period, label: list.label, panel: <RankingList list={toRailRanking(list)} variant="page" /> }))}
        />
      </WithSidebar>
    </RailsScope>
  );
}
