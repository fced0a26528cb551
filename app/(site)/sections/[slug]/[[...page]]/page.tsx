import { createListingRoute } from '@/components/listing/listing-route';
import { getSectionListing, sectionPath } from '@/lib/content';

// On-demand ISR: see docs/adr/0003-caching.md.
export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

const route = createListingRoute({ eyebrow: 'SECTION', load: getSectionListing, pathFor: sectionPath, hasFeed: true });
export const generateMetadata = route.generateMetadata;
export default route.ListingPage;
