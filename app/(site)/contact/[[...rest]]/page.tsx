import type { Metadata } from 'next';
import { ContactView } from '@/components/trust/contact-view';
import { notFoundBriefly } from '@/lib/cache/page-lifetime';
import { readSettings } from '@/lib/config';
import { buildPageMetadata } from '@/lib/seo/metadata';
import { TRUST_PAGES } from '@/lib/site/pages';

// Optional catch-all: rendered on first request, never at build (docs/adr/0003-caching.md), so the
// publisher's details are the running server's SITE_PUBLISHER_* settings, not the build machine's.
// An hour, as the newsletter's static pages: a setting changed (and the server restarted) or a deploy's new wording reaches readers within it.
export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

export const metadata: Metadata = buildPageMetadata({
  title: TRUST_PAGES.contact.name,
  description: 'Kijiへのお問い合わせ。記事の訂正のご指摘、ご意見、情報提供、取材や転載のご相談の窓口と、お書きいただきたいこと。',
  path: TRUST_PAGES.contact.path,
});

type ContactPageProps = { params: Promise<{ rest?: string[] }> };

export default async function ContactPage({ params }: ContactPageProps) {
  const { rest } = await params;
  if (rest && rest.length > 0) return notFoundBriefly();
  const { publisher, siteUrl } = readSettings();
  return <ContactView publisher={publisher} siteUrl={siteUrl} />;
}
