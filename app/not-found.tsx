import type { Metadata } from 'next';
import { NotFoundView } from '@/components/layout/not-found-view';
import { SiteChrome } from '@/components/layout/site-chrome';

export const metadata: Metadata = { title: 'ページが見つかりません', robots: { index: false } };

// For addresses outside every route group; reader pages use app/(site)/not-found.tsx.
export default function RootNotFound() {
  return (
    <SiteChrome>
      <NotFoundView />
    </SiteChrome>
  );
}
