import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { parsePageSegment, type ArticleSummary, type Paged } from '@/lib/content';
import { ListingView } from './listing-view';

type Subject = { slug: string; name: string; description?: string | null };
type ListingParams = { params: Promise<{ slug: string; page?: string[] }> };

type ListingRouteOptions<S extends Subject> = {
  eyebrow: string;
  load: (slug: string, page: number) => Promise<{ subject: S; articles: Paged<ArticleSummary> } | null>;
  pathFor: (slug: string, page: number) => string;
  /** The page heading; defaults to the subject's name. */
  titleFor?: (subject: S) => string;
};

/**
 * The page and metadata of a section, topic, tag or series listing: one
 * shape for all four, so their status codes and canonical URLs agree. Unknown
 * slugs and page numbers out of range are 404s.
 */
export function createListingRoute<S extends Subject>({ eyebrow, load, pathFor, titleFor = (s) => s.name }: ListingRouteOptions<S>) {
  const resolve = cache(async (slug: string, segments: string[] | undefined) => {
    const page = parsePageSegment(segments);
    if (page === null) return null;
    const listing = await load(decodeURIComponent(slug), page);
    if (!listing || page > listing.articles.totalPages) return null;
    return listing;
  });

  async function generateMetadata({ params }: ListingParams): Promise<Metadata> {
    const { slug, page } = await params;
    const listing = await resolve(slug, page);
    if (!listing) return {};
    const n = listing.articles.page;
    const title = titleFor(listing.subject);
    return {
      title: n > 1 ? `${title}(${n}ページ目)` : title,
      description: listing.subject.description ?? undefined,
      alternates: { canonical: pathFor(listing.subject.slug, n) },
    };
  }

  async function ListingPage({ params }: ListingParams) {
    const { slug, page } = await params;
    const listing = await resolve(slug, page);
    if (!listing) notFound();
    const subjectSlug = listing.subject.slug;
    return (
      <ListingView
        eyebrow={eyebrow}
        title={titleFor(listing.subject)}
        description={listing.subject.description}
        articles={listing.articles}
        hrefFor={(n) => pathFor(subjectSlug, n)}
      />
    );
  }

  return { generateMetadata, ListingPage };
}
