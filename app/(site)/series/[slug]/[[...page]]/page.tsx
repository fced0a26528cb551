import { createListingRoute } from '@/components/listing/listing-route';
import { SponsorNotice } from '@/components/promo/sponsor-notice';
import { getSeriesListing, seriesPath } from '@/lib/content';

// On-demand ISR: see docs/adr/0003-caching.md.
export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

const route = createListingRoute({
  eyebrow: 'SERIES',
  load: getSeriesListing,
  pathFor: seriesPath,
  titleFor: (s) => (s.sponsored ? `PR・${s.name}` : `連載「${s.name}」`),
  // A sponsored series says who pays for it before anything else (ADR 0050).
  intro: (s) =>
    s.sponsored ? (
      <>
        {s.description && <p className="mt-2 text-sm text-muted">{s.description}</p>}
        <SponsorNotice series={s} />
      </>
    ) : undefined,
});
export const generateMetadata = route.generateMetadata;
export default route.ListingPage;
