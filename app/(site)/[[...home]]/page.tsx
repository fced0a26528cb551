import { markPageTags, CACHE_TAGS } from '@/lib/cache';
import { NotFoundPage } from '@/components/layout/not-found-page';
import { ArticleCard } from '@/components/cards/article-card';
import { HeadlineList } from '@/components/cards/headline-list';
import { WithSidebar } from '@/components/layout/with-sidebar';
import { BreakingStrip } from '@/components/rails/breaking-strip.client';
import { RailsScope } from '@/components/rails/rails-scope';
import { RailHeading } from '@/components/rails/rail-heading';
import { Sidebar } from '@/components/rails/sidebar';
import { JsonLd } from '@/components/seo/json-ld';
import { getHomePage, sectionPath } from '@/lib/content';
import { toRailItem } from '@/lib/rails';
import { readSettings } from '@/lib/config';
import { buildOrganization, buildWebSite, buildPageMetadata, NOT_FOUND_METADATA } from '@/lib/seo';
import type { Metadata } from 'next';
import Link from 'next/link';

// The home page lives in an optional catch-all so that it is rendered on the
// first request and then cached (ISR), never prerendered at build time when
// there is no database (docs/adr/0003-caching.md). Any other path that reaches
// it is unknown: 404.
// It changes with every publish (tag `articles`), every change of the desk's
// pins (`front-page`, docs/adr/0033-front-page.md) and every breaking flag
// (`breaking`, for its 速報 strip); this is only the backstop
// (docs/adr/0018-page-lifetimes-and-tags.md).
export const revalidate = 86400;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

type HomeProps = { params: Promise<{ home?: string[] }> };

const HOME_DESCRIPTION = '国内外のニュースを深く、速く伝えるニュースサイト。ワールド、ビジネス、日本、社会、テクノロジー、カルチャーの最新記事と週刊Kiji。';

export async function generateMetadata({ params }: HomeProps): Promise<Metadata> {
  const { home } = await params;
  if (home && home.length > 0) return NOT_FOUND_METADATA;
  return buildPageMetadata({ description: HOME_DESCRIPTION, path: '/' });
}

export default async function HomePage({ params }: HomeProps) {
  const { home } = await params;
  if (home && home.length > 0) return <NotFoundPage />;
  const [{ lead, featured, latest, sections, curated }] = await Promise.all([getHomePage(), markPageTags(CACHE_TAGS.breaking)]);
  const siteUrl = readSettings().siteUrl;
  return (
    <RailsScope>
      <WithSidebar sidebar={<Sidebar showLatest={false} />}>
        <JsonLd data={buildWebSite(siteUrl, HOME_DESCRIPTION)} />
        <JsonLd data={buildOrganization(siteUrl)} />
        <h1 className="sr-only">Kiji トップページ</h1>
        <BreakingStrip />
        {lead && (
          <section aria-labelledby="latest-heading" className="mb-10">
            {/* Once the desk has pinned stories the block is no longer simply the newest. */}
            <RailHeading id="latest-heading">{curated ? '主なニュース' : '最新記事'}</RailHeading>
            <div className="grid grid-cols-1 gap-6 md:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
              <ArticleCard article={lead} size="lead" />
              <HeadlineList items={[...featured, ...latest].map(toRailItem)} />
            </div>
          </section>
        )}
        {sections.map(({ section, articles }) => (
          <section key={section.slug} aria-labelledby={`home-${section.slug}`} className="mb-10">
            <RailHeading id={`home-${section.slug}`}>
              <Link href={sectionPath(section.slug)} className="hover:underline">
                {section.name}
              </Link>
            </RailHeading>
            <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 sm:gap-6 lg:grid-cols-4">
              {articles.map((article) => (
                <li key={article.id}>
                  <ArticleCard article={article} grid="home" />
                </li>
              ))}
            </ul>
          </section>
        ))}
      </WithSidebar>
    </RailsScope>
  );
}
