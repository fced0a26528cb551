import { getAllSeries, getCurrentIssue, getPublications } from '@/lib/content';
import { NewsletterSignup } from '../newsletter/newsletter-signup';
import { MagazinePromo } from '../promo/magazine-promo';
import { PublicationsPromo } from '../promo/publications-promo';
import { SeriesPromo } from '../promo/series-promo';
import { BreakingTicker } from './breaking-ticker.client';
import { LatestRail } from './latest-rail.client';
import { RankingRail } from './ranking-rail.client';

type SidebarProps = {
  showLatest?: boolean;
  showRankings?: boolean;
  /** The article whose page this is: left out of 最新記事, and no signup here (the article's foot has one: one form a page). */
  articleId?: string;
};

/**
 * The sidebar of article and home pages, in the model page's order:
 * ニュース速報, 最新記事, 人気ランキング (the shared rails, from the page's
 * RailsScope), the magazine, the newsletter signup, publications and series.
 */
export async function Sidebar({ showLatest = true, showRankings = true, articleId }: SidebarProps) {
  const [issue, publications, series] = await Promise.all([getCurrentIssue(), getPublications(), getAllSeries()]);
  return (
    <>
      <BreakingTicker />
      {showLatest && <LatestRail excludeId={articleId} />}
      {showRankings && <RankingRail />}
      {issue && <MagazinePromo issue={issue} />}
      {!articleId && <NewsletterSignup placement="sidebar" />}
      <PublicationsPromo publications={publications} />
      <SeriesPromo series={series} />
    </>
  );
}
