import type { Metadata } from 'next';
import { NotFoundPage } from '@/components/layout/not-found-page';
import { FixedPageView } from '@/components/trust/fixed-page-view';
import { readSettings } from '@/lib/config';
import { getFixedPage } from '@/lib/content';
import { NOT_FOUND_METADATA, buildPageMetadata } from '@/lib/seo';
import { TRUST_PAGES } from '@/lib/site';

// Optional catch-all: rendered on first request, never at build (docs/adr/0003-caching.md), so the
// publisher's details are the running server's SITE_PUBLISHER_* settings, not the build machine's.
// The wording is the newsroom's: a save invalidates the page's tag (docs/adr/0048-fixed-pages.md);
// the hour is for a changed setting (and restarted server) to reach readers.
export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

type TermsPageProps = { params: Promise<{ rest?: string[] }> };

// An address below this page (/terms/…) is a 404 with a not-found page's head, not this page's.
export async function generateMetadata({ params }: TermsPageProps): Promise<Metadata> {
  const { rest } = await params;
  const page = rest && rest.length > 0 ? null : await getFixedPage('terms');
  return page ? buildPageMetadata({ title: page.title, description: page.description, path: TRUST_PAGES.terms.path }) : NOT_FOUND_METADATA;
}

export default async function TermsPage({ params }: TermsPageProps) {
  const { rest } = await params;
  const page = rest && rest.length > 0 ? null : await getFixedPage('terms');
  if (!page) return <NotFoundPage />;
  const { publisher, siteUrl } = readSettings();
  return <FixedPageView page={page} publisher={publisher} siteUrl={siteUrl} />;
}
