import type { Metadata } from 'next';
import { draftMode } from 'next/headers';
import { notFoundBriefly } from '@/lib/cache/page-lifetime';
import { cache } from 'react';
import { ArticleView } from '@/components/article/article-view';
import { WithSidebar } from '@/components/layout/with-sidebar';
import { NewsletterSignup } from '@/components/newsletter/newsletter-signup';
import { PreviewBanner } from '@/components/preview/preview-banner';
import { RailsScope } from '@/components/rails/rails-scope';
import { Sidebar } from '@/components/rails/sidebar';
import { RelatedReading } from '@/components/related/related-reading';
import { JsonLd } from '@/components/seo/json-ld';
import { ArticlePageLinks } from '@/components/seo/page-links';
import { articlePath, getArticle, getArticleStatus, parsePageSegment, sectionPath } from '@/lib/content';
import { readSettings } from '@/lib/config';
import { canPreview } from '@/lib/preview/access';
import { buildBreadcrumbs, buildNewsArticle } from '@/lib/seo/json-ld';
import { buildArticleMetadata } from '@/lib/seo/metadata';

// Rendered on first request, then served from the full-route cache until
// what it shows changes (its own article, the related cards it shows: tag
// invalidation), or the day's backstop (docs/adr/0018-page-lifetimes-and-tags.md).
// The sidebar's rails refresh in the browser and do not set this.
export const revalidate = 86400;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

type ArticlePageProps = { params: Promise<{ id: string; page?: string[] }> };

// generateMetadata and the page read the same article once per request.
// Draft mode is read here and nowhere else. Its cookie only skips the caches,
// so a preview also needs a signed-in editor or a preview link for this article.
const loadArticlePage = cache(async (id: string, segments: string[] | undefined) => {
  const page = parsePageSegment(segments);
  if (page === null) return null;
  const preview = (await draftMode()).isEnabled && (await canPreview(id));
  const article = await getArticle(id, { preview });
  if (!article || page > article.pages.length) return null;
  return { article, page, preview, status: preview ? await getArticleStatus(id) : null };
});

export async function generateMetadata({ params }: ArticlePageProps): Promise<Metadata> {
  const { id, page } = await params;
  const found = await loadArticlePage(id, page);
  if (!found) return {};
  const metadata = buildArticleMetadata(found.article, found.page);
  return found.preview ? { ...metadata, robots: { index: false, follow: false } } : metadata;
}

export default async function ArticlePage({ params }: ArticlePageProps) {
  const { id, page } = await params;
  const found = await loadArticlePage(id, page);
  if (!found) return notFoundBriefly();
  const { article } = found;
  const siteUrl = readSettings().siteUrl;
  return (
    <>
      {found.status && <PreviewBanner articleId={article.id} status={found.status.status} publishedAt={found.status.publishedAt} />}
      <RailsScope>
        <WithSidebar sidebar={<Sidebar />}>
          <ArticlePageLinks id={article.id} page={found.page} totalPages={article.pages.length} siteUrl={siteUrl} />
          {!found.preview && <JsonLd data={buildNewsArticle(article, siteUrl)} />}
          <JsonLd
            data={buildBreadcrumbs(
              [
                { name: 'ホーム', path: '/' },
                { name: article.section.name, path: sectionPath(article.section.slug) },
                { name: article.headline, path: articlePath(article.id) },
              ],
              siteUrl,
            )}
          />
          <ArticleView article={article} page={found.page} preview={found.preview}>
            {/* あわせて読みたい after the body, the signup at the foot, and a second slice lower down (as on the model page). */}
            <RelatedReading articleId={article.id} slice="main" />
            <NewsletterSignup placement="article" />
            <RelatedReading articleId={article.id} slice="more" />
          </ArticleView>
        </WithSidebar>
      </RailsScope>
    </>
  );
}
