import { LISTING_SITEMAP_KINDS, type ListingSitemapKind } from '../content/sitemap';

/**
 * Names of the child sitemaps under /sitemaps/: `news.xml`,
 * `articles-YYYY-MM-N.xml` (part N of a Japan-time month) and
 * `{kind}-N.xml` for the listing kinds. One module both writes the names
 * (into the index) and reads them (in the route), so they cannot drift.
 */

export type SitemapName =
  | { type: 'news' }
  | { type: 'articles'; month: string; part: number }
  | { type: 'listing'; kind: ListingSitemapKind; part: number };

export const NEWS_SITEMAP_PATH = '/sitemaps/news.xml';
export const SITEMAP_INDEX_PATH = '/sitemap.xml';

export function articleSitemapPath(month: string, part: number): string {
  return `/sitemaps/articles-${month}-${part}.xml`;
}

export function listingSitemapPath(kind: ListingSitemapKind, part: number): string {
  return `/sitemaps/${kind}-${part}.xml`;
}

/** The child sitemap a file name asks for; null for anything that is not one of ours. */
export function parseSitemapName(name: string): SitemapName | null {
  if (name === 'news.xml') return { type: 'news' };
  const article = /^articles-(\d{4}-(?:0[1-9]|1[0-2]))-([1-9]\d{0,3})\.xml$/.exec(name);
  if (article) return { type: 'articles', month: article[1]!, part: Number(article[2]) };
  const listing = /^([a-z]+)-([1-9]\d{0,3})\.xml$/.exec(name);
  const kind = LISTING_SITEMAP_KINDS.find((k) => k === listing?.[1]);
  if (listing && kind) return { type: 'listing', kind, part: Number(listing[2]) };
  return null;
}
