import type { Article } from '@/lib/content';
import { articlePath, sectionPath } from '@/lib/content';
import type { ArticleStatus } from '@/lib/content/types';
import { Breadcrumb } from '@/components/layout/breadcrumb';
import { ClaimNavLink } from '@/components/layout/claim-nav-link.client';
import { WithSidebar } from '@/components/layout/with-sidebar';
import { ShareLinks } from '@/components/share/share-links';
import { NewsletterSignup } from '@/components/newsletter/newsletter-signup';
import { PreviewBanner } from '@/components/preview/preview-banner';
import { RailsScope } from '@/components/rails/rails-scope';
import { Sidebar } from '@/components/rails/sidebar';
import { RelatedReading } from '@/components/related/related-reading';
import { JsonLd } from '@/components/seo/json-ld';
import { ArticlePageLinks } from '@/components/seo/page-links';
import type { LiveStream } from '@/lib/live';
import { buildBreadcrumbs, buildLiveBlogPosting, buildNewsArticle } from '@/lib/seo/json-ld';
import { ArticleView } from './article-view';

type ArticlePageProps = {
  article: Article;
  page: number;
  siteUrl: string;
  /** At the preview address: the banner, and nothing a crawler or the rankings should take from it. */
  preview?: { status: ArticleStatus; publishedAt: string | null; viewer: 'editor' | 'link' };
  /** A live page's stream (ADR 0036): shown after the body, and the structured data is a LiveBlogPosting. */
  live?: LiveStream | null;
};

/** The whole article page, at its public address and (the same page with a banner) at its preview address. */
export function ArticlePage({ article, page, siteUrl, preview, live }: ArticlePageProps) {
  const crumbs = [
    { name: 'ホーム', path: '/' },
    { name: article.section.name, path: sectionPath(article.section.slug) },
    { name: article.headline, path: articlePath(article.id) },
  ];
  return (
    <>
      {preview && <PreviewBanner articleId={article.id} status={preview.status} publishedAt={preview.publishedAt} viewer={preview.viewer} />}
      <RailsScope>
        <WithSidebar sidebar={<Sidebar articleId={article.id} />}>
          {!preview && <ArticlePageLinks id={article.id} page={page} totalPages={article.pages.length} siteUrl={siteUrl} />}
          {!preview && <JsonLd data={live ? buildLiveBlogPosting(article, live, siteUrl) : buildNewsArticle(article, siteUrl)} />}
          <JsonLd data={buildBreadcrumbs(crumbs, siteUrl)} />
          <Breadcrumb crumbs={crumbs} />
          {/* The header's section navigation cannot see the article: its section's link is marked from here,
              by CSS in the server HTML (app/globals.css) and as aria-current once hydrated. */}
          <span hidden data-page-section={article.section.slug} />
          <ClaimNavLink href={sectionPath(article.section.slug)} />
          <ArticleView article={article} page={page} preview={!!preview} live={live}>
            {/* On paper, where the article came from (nothing else below it is printed). */}
            <p data-testid="print-url" className="hidden text-sm print:block">
              この記事のURL: {siteUrl}
              {articlePath(article.id)}
            </p>
            {!preview && <ShareLinks url={`${siteUrl}${articlePath(article.id)}`} title={article.headline} />}
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
