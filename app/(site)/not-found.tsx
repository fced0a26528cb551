import type { Metadata } from 'next';
import { LatestHeadlines } from '@/components/layout/latest-headlines';
import { NotFoundView } from '@/components/layout/not-found-view';

export const metadata: Metadata = { title: 'ページが見つかりません', robots: { index: false } };

export default function SiteNotFound() {
  return (
    <NotFoundView>
      <LatestHeadlines />
    </NotFoundView>
  );
}
