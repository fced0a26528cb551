import { createListingRoute } from '@/components/listing/listing-route';
import { authorPath, getAuthorListing } from '@/lib/content';

// On-demand ISR: see docs/adr/0003-caching.md.
export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

const route = createListingRoute({ eyebrow: 'AUTHOR', load: getAuthorListing, pathFor: authorPath, titleFor: (a) => `${a.name}の記事` });
export const generateMetadata = route.generateMetadata;
export default route.ListingPage;
