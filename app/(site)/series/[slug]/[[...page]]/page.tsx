import { createListingRoute } from '@/components/listing/listing-route';
import { getSeriesListing, seriesPath } from '@/lib/content';

// On-demand ISR: see docs/adr/0003-caching.md.
export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

const route = createListingRoute({ eyebrow: 'SERIES', load: getSeriesListing, pathFor: seriesPath, titleFor: (s) => (s.sponsored ? `PR・${s.name}` : `連載「${s.name}」`) });
export const generateMetadata = route.generateMetadata;
export default route.ListingPage;
