import type { Metadata } from 'next';
import { NOT_FOUND_METADATA } from '@/lib/seo';
import { NotFoundView } from '@/components/layout/not-found-view';
import { SiteChrome } from '@/components/layout/site-chrome';

export const metadata: Metadata = NOT_FOUND_METADATA;

// For addresses outside every route group; reader pages use app/(site)/not-found.tsx.
export default function RootNotFound() {
  return (
    <SiteChrome>
      <NotFoundView />
    </SiteChrome>
  );
}
