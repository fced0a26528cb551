import { createListingRoute } from '@/components/listing/listing-route';
import { getTopicListing, topicPath } from '@/lib/content';

// On-demand ISR: see docs/adr/0003-caching.md.
export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

const route = createListingRoute({ eyebrow: 'TOPIC まとめ', load: getTopicListing, pathFor: topicPath });
export const generateMetadata = route.generateMetadata;
export default route.ListingPage;
