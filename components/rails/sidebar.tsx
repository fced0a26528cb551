import { getAllSeries, getBreakingNews, getCurrentIssue, getLatestArticles, getPublications } from '@/lib/content';
import { getRankings } from '@/lib/rankings';
import { HeadlineList } from '../cards/headline-list';
import { NewsletterSignup } from '../newsletter/newsletter-signup';
import { MagazinePromo } from '../promo/magazine-promo';
import { PublicationsPromo } from '../promo/publications-promo';
import { SeriesPromo } from '../promo/series-promo';
import { BreakingTicker } from './breaking-ticker';
import { RailHeading } from './rail-heading';
import { RankingBlock } from './ranking-block';

type SidebarProps = { showLatest?: boolean; showRankings?: boolean };

/**
 * The sidebar of article and home pages, in the model page's order:
 * ニュース速報, 最新記事, 人気ランキング, the magazine, the newsletter signup,
 * publications and series.
 */
export async function Sidebar({ showLatest = true, showRankings = true }: SidebarProps) {
  const [breaking, latest, rankings, issue, publications, series] = await Promise.all([
    getBreakingNews(),
    showLatest ? getLatestArticles(8) : Promise.resolve([]),
    showRankings ? getRankings() : Promise.resolve([]),
    getCurrentIssue(),
    getPublications(),
    getAllSeries(),
  ]);
  return (
    <>
      <BreakingTicker items={breaking} />
      {showLatest && latest.length > 0 && (
        <section aria-labelledby="latest-rail-heading">
          <RailHeading id="latest-rail-heading">最新記事</RailHeading>
          <HeadlineList articles={latest} />
        </section>
      )}
      {rankings.length > 0 && <RankingBlock lists={rankings} />}
      {issue && <MagazinePromo issue={issue} />}
      <NewsletterSignup placement="sidebar" />
      <PublicationsPromo publications={publications} />
      <SeriesPromo series={series} />
    </>
  );
}
