import type { Metadata } from 'next';
import { cache } from 'react';
import { ArticlePage } from '@/components/article/article-page';
import { NotFoundPage } from '@/components/layout/not-found-page';
import { getArticle, parsePageSegment } from '@/lib/content';
import { readSettings } from '@/lib/config';
import { getLiveStream } from '@/lib/live';
import { buildArticleMetadata, NOT_FOUND_METADATA } from '@/lib/seo';

// Rendered on first request, then served from the full-route cache until
// what it shows changes (its own article, the related cards it shows: tag
// invalidation), or the day's backstop (docs/adr/0018-page-lifetimes-and-tags.md).
// The sidebar's rails refresh in the browser and do not set this. The same
// page for everyone: editors and preview links see unpublished work at
// /preview/articles/… (docs/adr/0019-preview-address.md).
export const revalidate = 86400;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

type ArticleRouteProps = { params: Promise<{ id: string; page?: string[] }> };

// generateMetadata and the page read the same article once per request.
const loadArticlePage = cache(async (id: string, segments: string[] | undefined) => {
  const page = parsePageSegment(segments);
  if (page === null) return null;
  const article = await getArticle(id);
  if (!article || page > article.pages.length) return null;
  // A live page (ADR 0036) also shows its stream, cached under the same article tag.
  const live = article.kind === 'live' ? await getLiveStream(id) : null;
  return { article, page, live };
});

export async function generateMetadata({ params }: ArticleRouteProps): Promise<Metadata> {
  const { id, page } = await params;
  const found = await loadArticlePage(id, page);
  return found ? buildArticleMetadata(found.article, found.page) : NOT_FOUND_METADATA;
}

export default async function ArticleRoute({ params }: ArticleRouteProps) {
  const { id, page } = await params;
  const found = await loadArticlePage(id, page);
  if (!found) return <NotFoundPage />;
  return <ArticlePage article={found.article} page={found.page} siteUrl={readSettings().siteUrl} live={found.live} />;
}
