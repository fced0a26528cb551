import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { ArticlePage } from '@/components/article/article-page';
import { readSettings } from '@/lib/config';
import { getLiveStream } from '@/lib/live';
import { getArticlePreview } from '@/lib/preview';
import { buildArticleMetadata } from '@/lib/seo';

// An article in any state, for a signed-in editor or the holder of a preview
// link to it (docs/adr/0019-preview-address.md). Rendered for each request
// and never stored: Next.js sends `private, no-store` for it.
export const dynamic = 'force-dynamic';

type PreviewRouteProps = { params: Promise<{ id: string; page?: string[] }> };

const loadPreview = cache((id: string, segments: string[] | undefined) => getArticlePreview(id, segments));

export async function generateMetadata({ params }: PreviewRouteProps): Promise<Metadata> {
  const { id, page } = await params;
  const found = await loadPreview(id, page);
  const robots = { index: false, follow: false };
  return found ? { ...buildArticleMetadata(found.article, found.page), robots, referrer: 'no-referrer' } : { robots };
}

export default async function PreviewRoute({ params }: PreviewRouteProps) {
  const { id, page } = await params;
  const found = await loadPreview(id, page);
  if (!found) notFound();
  const { article, status, viewer } = found;
  const live = article.kind === 'live' ? await getLiveStream(article.id, { preview: true }) : null;
  return (
    <ArticlePage
      article={article}
      page={found.page}
      siteUrl={readSettings().siteUrl}
      preview={{ status: status.status, publishedAt: status.publishedAt, viewer }}
      live={live}
    />
  );
}
