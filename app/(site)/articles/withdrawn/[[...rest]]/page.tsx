import type { Metadata } from 'next';
import { LatestHeadlines } from '@/components/layout/latest-headlines';
import { NotFoundPage } from '@/components/layout/not-found-page';
import { NotFoundView } from '@/components/layout/not-found-view';
import { NOINDEX_ROBOTS, NOT_FOUND_METADATA } from '@/lib/seo';
import { WITHDRAWN_PAGE } from '@/lib/site';

// What a withdrawn article's address shows: proxy.ts answers such an address
// with this page under status 410 (ADR 0045), inside the site's own header,
// navigation and footer. Optional catch-all: rendered on first request, never
// at build (docs/adr/0003-caching.md), since its newest headlines need the
// database; cached for an hour.
export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

type WithdrawnProps = { params: Promise<{ rest?: string[] }> };

const METADATA: Metadata = { title: WITHDRAWN_PAGE.title, robots: NOINDEX_ROBOTS };

export async function generateMetadata({ params }: WithdrawnProps): Promise<Metadata> {
  const { rest } = await params;
  return rest && rest.length > 0 ? NOT_FOUND_METADATA : METADATA;
}

export default async function WithdrawnArticlePage({ params }: WithdrawnProps) {
  const { rest } = await params;
  if (rest && rest.length > 0) return <NotFoundPage />;
  return (
    <NotFoundView eyebrow="410 GONE" title={WITHDRAWN_PAGE.title} message={WITHDRAWN_PAGE.message}>
      <LatestHeadlines />
    </NotFoundView>
  );
}
