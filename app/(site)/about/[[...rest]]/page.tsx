import type { Metadata } from 'next';
import { NotFoundPage } from '@/components/layout/not-found-page';
import { AboutView } from '@/components/trust/about-view';
import { readSettings } from '@/lib/config';
import { NOT_FOUND_METADATA, buildPageMetadata } from '@/lib/seo/metadata';
import { TRUST_PAGES } from '@/lib/site/pages';

// Optional catch-all: rendered on first request, never at build (docs/adr/0003-caching.md), so the
// publisher's details are the running server's SITE_PUBLISHER_* settings, not the build machine's.
// An hour, as the newsletter's static pages: a setting changed (and the server restarted) or a deploy's new wording reaches readers within it.
export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

const METADATA: Metadata = buildPageMetadata({
  title: TRUST_PAGES.about.name,
  description: 'Kijiを運営する会社の概要と、正確さ、公正さ、訂正についての編集方針。',
  path: TRUST_PAGES.about.path,
});

type AboutPageProps = { params: Promise<{ rest?: string[] }> };

// An address below this page (/about/…) is a 404 with a not-found page's head, not this page's.
export async function generateMetadata({ params }: AboutPageProps): Promise<Metadata> {
  const { rest } = await params;
  return rest && rest.length > 0 ? NOT_FOUND_METADATA : METADATA;
}

export default async function AboutPage({ params }: AboutPageProps) {
  const { rest } = await params;
  if (rest && rest.length > 0) return <NotFoundPage />;
  const { publisher, siteUrl } = readSettings();
  return <AboutView publisher={publisher} siteUrl={siteUrl} />;
}
