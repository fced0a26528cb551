import { findNewestNewsChange, getNewsSitemapArticles, getSitemapParts } from '@/lib/content';
import { readSettings } from '@/lib/config';
import { articleSitemapPath, listingSitemapPath, NEWS_SITEMAP_PATH, buildSitemapIndex, XML_HEADERS } from '@/lib/seo';

// Read on every request from tagged caches: never built at build time (no database then).
export const dynamic = 'force-dynamic';

/** The sitemap index: the news sitemap, article months and listing kinds. */
export async function GET() {
  const [{ articles, listings }, news] = await Promise.all([getSitemapParts(), getNewsSitemapArticles()]);
  const children = [
    { path: NEWS_SITEMAP_PATH, lastmod: findNewestNewsChange(news) },
    ...articles.map((p) => ({ path: articleSitemapPath(p.month, p.part), lastmod: p.lastmod })),
    ...listings.map((p) => ({ path: listingSitemapPath(p.kind, p.part), lastmod: p.lastmod })),
  ];
  return new Response(buildSitemapIndex(children, readSettings().siteUrl), { headers: XML_HEADERS });
}
