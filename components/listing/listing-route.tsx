import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { NotFoundPage } from '@/components/layout/not-found-page';
import { cache } from 'react';
import { JsonLd } from '@/components/seo/json-ld';
import { LISTING_PAGE_SIZE, decodeSlugSegment, parsePageSegment, type ArticleSummary, type Paged } from '@/lib/content';
import { readSettings } from '@/lib/config';
import { buildBreadcrumbs, buildCollectionPage } from '@/lib/seo/json-ld';
import { buildPageMetadata, NOT_FOUND_METADATA } from '@/lib/seo/metadata';
import { SITE_NAME } from '@/lib/site/config';
import { ListingView } from './listing-view';

type Subject = { slug: string; name: string; description?: string | null };
type ListingParams = { params: Promise<{ slug: string; page?: string[] }> };

type ListingRouteOptions<S extends Subject> = {
  eyebrow: string;
  load: (slug: string, page: number) => Promise<{ subject: S; articles: Paged<ArticleSummary> } | null>;
  pathFor: (slug: string, page: number) => string;
  /** The page heading; defaults to the subject's name. */
  titleFor?: (subject: S) => string;
  /** Section pages link their own RSS feed besides the site's. */
  hasFeed?: boolean;
  /** What the page says of its subject under the heading, in place of the description line (an author's profile, a series' sponsor). */
  intro?: (subject: S) => ReactNode;
  /** Structured data of the subject itself, beside the CollectionPage (an author's ProfilePage). */
  subjectJsonLd?: (subject: S, siteUrl: string) => object;
};

/**
 * The page and metadata of a section, topic, tag or series listing: one
 * shape for all four, so their status codes and canonical URLs agree. Unknown
 * slugs and page numbers out of range are 404s.
 */
export function createListingRoute<S extends Subject>({ eyebrow, load, pathFor, titleFor = (s) => s.name, hasFeed = false, intro, subjectJsonLd }: ListingRouteOptions<S>) {
  const resolve = cache(async (slug: string, segments: string[] | undefined) => {
    const page = parsePageSegment(segments);
    if (page === null) return null;
    const subject = decodeSlugSegment(slug);
    // A page past the end is judged from page 1 (cached, shared by every page
    // number), never read itself: each number would otherwise leave a cached
    // read of its own, found but empty, on disk for good (ADR 0017).
    if (page > 1) {
      const first = await load(subject, 1);
      if (!first || page > first.articles.totalPages) return null;
    }
    const listing = await load(subject, page);
    if (!listing || page > listing.articles.totalPages) return null;
    return listing;
  });

  async function generateMetadata({ params }: ListingParams): Promise<Metadata> {
    const { slug, page } = await params;
    const listing = await resolve(slug, page);
    if (!listing) return NOT_FOUND_METADATA;
    const n = listing.articles.page;
    const title = titleFor(listing.subject);
    return buildPageMetadata({
      title: n > 1 ? `${title}(${n}ページ目)` : title,
      description: listing.subject.description || `${title}に関する${SITE_NAME}の記事一覧。`,
      path: pathFor(listing.subject.slug, n),
      feedSection: hasFeed ? listing.subject : undefined,
      image: listing.articles.items[0]?.hero,
    });
  }

  async function ListingPage({ params }: ListingParams) {
    const { slug, page } = await params;
    const listing = await resolve(slug, page);
    if (!listing) return <NotFoundPage />;
    const subjectSlug = listing.subject.slug;
    const siteUrl = readSettings().siteUrl;
    const title = titleFor(listing.subject);
    const path = pathFor(subjectSlug, listing.articles.page);
    return (
      <>
      <JsonLd
        data={buildCollectionPage(
          { name: title, description: listing.subject.description, path },
          listing.articles.items,
          siteUrl,
          (listing.articles.page - 1) * LISTING_PAGE_SIZE,
        )}
      />
      <JsonLd data={buildBreadcrumbs([{ name: 'ホーム', path: '/' }, { name: title, path: pathFor(subjectSlug, 1) }], siteUrl)} />
      {subjectJsonLd && <JsonLd data={subjectJsonLd(listing.subject, siteUrl)} />}
      <ListingView
        eyebrow={eyebrow}
        title={titleFor(listing.subject)}
        description={listing.subject.description}
        intro={intro?.(listing.subject)}
        articles={listing.articles}
        hrefFor={(n) => pathFor(subjectSlug, n)}
      />
      </>
    );
  }

  return { generateMetadata, ListingPage };
}
