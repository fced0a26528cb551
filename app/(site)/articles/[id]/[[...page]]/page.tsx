import type { Metadata } from 'next';
import { draftMode } from 'next/headers';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { ArticleView } from '@/components/article/article-view';
import { WithSidebar } from '@/components/layout/with-sidebar';
import { PreviewBanner } from '@/components/preview/preview-banner';
import { Sidebar } from '@/components/rails/sidebar';
import { articlePath, getArticle, getArticleStatus, parsePageSegment } from '@/lib/content';
import { canPreview } from '@/lib/preview/access';

// Rendered on first request, then served from the full-route cache until a
// tag invalidation or the backstop below (docs/adr/0003-caching.md).
export const revalidate = 3600;
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
  const { article, page: n } = found;
  return {
    title: n > 1 ? `${article.headline}(${n}ページ目)` : article.headline,
    description: article.standfirst ?? undefined,
    alternates: { canonical: articlePath(article.id, n) },
    ...(found.preview && { robots: { index: false, follow: false } }),
  };
}

export default async function ArticlePage({ params }: ArticlePageProps) {
  const { id, page } = await params;
  const found = await loadArticlePage(id, page);
  if (!found) notFound();
  return (
    <>
      {found.status && <PreviewBanner articleId={found.article.id} status={found.status.status} publishedAt={found.status.publishedAt} />}
      <WithSidebar sidebar={<Sidebar />}>
        <ArticleView article={found.article} page={found.page} preview={found.preview} />
      </WithSidebar>
    </>
  );
}
