import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { ArticleView } from '@/components/article/article-view';
import { WithSidebar } from '@/components/layout/with-sidebar';
import { Sidebar } from '@/components/rails/sidebar';
import { articlePath, getArticle, parsePageSegment } from '@/lib/content';

// Rendered on first request, then served from the full-route cache until a
// tag invalidation or the backstop below (docs/adr/0003-caching.md).
export const revalidate = 3600;
// The sidebar's ticker lowers it to CACHE_SECONDS.breaking (docs/adr/0005).
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

type ArticlePageProps = { params: Promise<{ id: string; page?: string[] }> };

// generateMetadata and the page read the same article once per request.
const loadArticlePage = cache(async (id: string, segments: string[] | undefined) => {
  const page = parsePageSegment(segments);
  if (page === null) return null;
  const article = await getArticle(id);
  if (!article || page > article.pages.length) return null;
  return { article, page };
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
  };
}

export default async function ArticlePage({ params }: ArticlePageProps) {
  const { id, page } = await params;
  const found = await loadArticlePage(id, page);
  if (!found) notFound();
  return (
    <WithSidebar sidebar={<Sidebar />}>
      <ArticleView article={found.article} page={found.page} />
    </WithSidebar>
  );
}
