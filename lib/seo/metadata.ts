import type { Metadata } from 'next';
import type { Article } from '../content/types';
import { articlePath } from '../content/urls';
import { SITE_NAME, SITE_X_ACCOUNT } from '../site/config';
import { toJstIso } from '../time/jst';
import { decideSocialImageSize, socialImagePath } from './crops';
import { decideFeedLinks, LOGO_PATH, LOGO_SIZE } from './feeds';
import { describeArticle } from './text';

/**
 * Next.js Metadata for every kind of page. Next merges metadata shallowly
 * (a page's `openGraph` replaces the layout's whole object), so each
 * builder returns every field the page needs: canonical, feeds, robots,
 * OpenGraph and the Twitter card. Relative URLs are made absolute by
 * `metadataBase` (SITE_URL) in the root layout.
 */

/** Public pages: indexable, and Google may show large image previews. */
export const PUBLIC_ROBOTS: Metadata['robots'] = { 'max-image-preview': 'large' };
/** Search results, previews, the newsroom: followed but never indexed. */
export const NOINDEX_ROBOTS: Metadata['robots'] = { index: false, follow: true };

/** The head of every not-found page: a true title, and not for the index. */
export const NOT_FOUND_METADATA: Metadata = { title: 'ページが見つかりません', robots: NOINDEX_ROBOTS };

const SITE_IMAGE = { url: LOGO_PATH, width: LOGO_SIZE.width, height: LOGO_SIZE.height, alt: SITE_NAME };

type PageMetadataInput = {
  /** The page's own title; the layout's template adds ` | Kiji`. Omit for the home page. */
  title?: string;
  description: string;
  /** Site path of the page (its canonical URL). */
  path: string;
  /** A section whose feed the page should link besides the site feed. */
  feedSection?: { slug: string; name: string };
  image?: { src: string; width: number; height: number; alt: string } | null;
};

/**
 * A picture as link previews take it: its JPEG social preview when it is a
 * stored picture (LINE does not show WebP; lib/seo/crops.ts), else as it is.
 */
function toPreviewImage(image: { src: string; width: number; height: number; alt: string }) {
  const social = socialImagePath(image.src);
  return social ? { url: social, ...decideSocialImageSize(image.width, image.height), alt: image.alt } : { url: image.src, width: image.width, height: image.height, alt: image.alt };
}

/** Metadata of a listing, home, magazine or other public page. */
export function buildPageMetadata({ title, description, path, feedSection, image }: PageMetadataInput): Metadata {
  const ogImage = image ? toPreviewImage(image) : SITE_IMAGE;
  return {
    ...(title ? { title } : {}),
    description,
    alternates: { canonical: path, types: { 'application/rss+xml': decideFeedLinks(feedSection) } },
    robots: PUBLIC_ROBOTS,
    openGraph: {
      type: 'website',
      siteName: SITE_NAME,
      locale: 'ja_JP',
      url: path,
      title: title ?? SITE_NAME,
      description,
      images: [ogImage],
    },
    twitter: { card: image ? 'summary_large_image' : 'summary', site: SITE_X_ACCOUNT, title: title ?? SITE_NAME, description, images: [ogImage.url] },
  };
}

/**
 * Metadata of page `page` of an article: each page is its own canonical URL.
 * The desk's SEO title, when set, names the page in results and link
 * previews; the page itself still shows the headline.
 */
export function buildArticleMetadata(article: Article, page: number): Metadata {
  const shareTitle = article.seo.title ?? article.headline;
  const title = page > 1 ? `${shareTitle}(${page}ページ目)` : shareTitle;
  const description = describeArticle(article);
  const path = articlePath(article.id, page);
  // The desk's share picture describes the story as the hero does: the hero's alt text, else the headline.
  const shared = article.seo.image ? { ...article.seo.image, alt: article.hero?.alt || article.headline } : article.hero;
  const images = shared ? [toPreviewImage(shared)] : [SITE_IMAGE];
  return {
    title,
    description,
    alternates: { canonical: path, types: { 'application/rss+xml': decideFeedLinks(article.section) } },
    robots: PUBLIC_ROBOTS,
    openGraph: {
      type: 'article',
      siteName: SITE_NAME,
      locale: 'ja_JP',
      url: path,
      title: shareTitle,
      description,
      publishedTime: toJstIso(article.publishedAt),
      modifiedTime: toJstIso(article.updatedAt),
      section: article.section.name,
      tags: [...article.topics.map((t) => t.name), ...article.tags.map((t) => t.name)],
      authors: article.authors.map((a) => a.name),
      images,
    },
    twitter: { card: shared ? 'summary_large_image' : 'summary', site: SITE_X_ACCOUNT, title: shareTitle, description, images: images.map((i) => i.url) },
  };
}

/** Metadata of a search results page: never indexed, canonical to the bare search page. */
export function buildSearchMetadata(query: string | null): Metadata {
  return {
    title: query ? `「${query}」の検索結果` : '記事を検索',
    description: `${SITE_NAME}の記事をキーワードで検索できます。`,
    alternates: { canonical: '/search' },
    robots: NOINDEX_ROBOTS,
  };
}
