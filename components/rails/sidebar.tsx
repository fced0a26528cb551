import { getAllSeries, getCurrentIssue, getLatestArticles, getPublications } from '@/lib/content';
import { HeadlineList } from '../cards/headline-list';
import { NewsletterSignup } from '../newsletter/newsletter-signup';
import { MagazinePromo } from '../promo/magazine-promo';
import { PublicationsPromo } from '../promo/publications-promo';
import { SeriesPromo } from '../promo/series-promo';
import { RailHeading } from './rail-heading';

type SidebarProps = { showLatest?: boolean };

/** The sidebar of article and home pages: 最新記事, the magazine, the newsletter signup, publications and series. */
export async function Sidebar({ showLatest = true }: SidebarProps) {
  const [latest, issue, publications, series] = await Promise.all([
    showLatest ? getLatestArticles(8) : Promise.resolve([]),
    getCurrentIssue(),
    getPublications(),
    getAllSeries(),
  ]);
  return (
    <>
      {showLatest && latest.length > 0 && (
        <section aria-labelledby="latest-rail-heading">
          <RailHeading id="latest-rail-heading">最新記事</RailHeading>
          <HeadlineList articles={latest} />
        </section>
      )}
      {issue && <MagazinePromo issue={issue} />}
      <NewsletterSignup placement="sidebar" />
      <PublicationsPromo publications={publications} />
      <SeriesPromo series={series} />
    </>
  );
}
