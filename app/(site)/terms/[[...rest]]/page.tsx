import type { Metadata } from 'next';
import { NotFoundPage } from '@/components/layout/not-found-page';
import { TermsOfUse } from '@/components/trust/terms-of-use';
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
  title: TRUST_PAGES.terms.name,
  description: 'Kijiをご利用いただく際の条件。記事の著作権、リンク、禁止事項、免責など。',
  path: TRUST_PAGES.terms.path,
});

type TermsPageProps = { params: Promise<{ rest?: string[] }> };

// An address below this page (/terms/…) is a 404 with a not-found page's head, not this page's.
export async function generateMetadata({ params }: TermsPageProps): Promise<Metadata> {
  const { rest } = await params;
  return rest && rest.length > 0 ? NOT_FOUND_METADATA : METADATA;
}

export default async function TermsPage({ params }: TermsPageProps) {
  const { rest } = await params;
  if (rest && rest.length > 0) return <NotFoundPage />;
  const { publisher, siteUrl } = readSettings();
  return <TermsOfUse publisher={publisher} siteUrl={siteUrl} />;
}
