import type { Metadata } from 'next';
import { NOT_FOUND_METADATA } from '@/lib/seo';
import { LatestHeadlines } from '@/components/layout/latest-headlines';
import { NotFoundView } from '@/components/layout/not-found-view';

export const metadata: Metadata = NOT_FOUND_METADATA;

export default function SiteNotFound() {
  return (
    <NotFoundView>
      <LatestHeadlines />
    </NotFoundView>
  );
}
