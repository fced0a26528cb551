import type { Metadata } from 'next';
import { NotFoundView } from '@/components/layout/not-found-view';

export const metadata: Metadata = { title: 'ページが見つかりません', robots: { index: false } };

export default function SiteNotFound() {
  return <NotFoundView />;
}
