import { AuthorIntro } from '@/components/authors/author-intro';
import { createListingRoute } from '@/components/listing/listing-route';
import { authorPath, getAuthorListing } from '@/lib/content';
import { buildAuthorProfile } from '@/lib/seo';

// On-demand ISR: see docs/adr/0003-caching.md.
export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

// A news site's author page (ADR 0050): who they are (portrait, 肩書き, プロフィール), then their articles.
const route = createListingRoute({
  eyebrow: 'AUTHOR',
  load: getAuthorListing,
  pathFor: authorPath,
  titleFor: (a) => a.name,
  intro: (a) => <AuthorIntro author={a} />,
  subjectJsonLd: buildAuthorProfile,
});
export const generateMetadata = route.generateMetadata;
export default route.ListingPage;
