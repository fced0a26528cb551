import { getArticleSitemapBatch, getListingSitemapBatch, getNewsSitemapArticles, getSitemapParts } from '@/lib/content';
import { readSettings } from '@/lib/config';
import { SITE_NAME } from '@/lib/site';
import { parseSitemapName, buildNewsSitemap, streamUrlset, notFoundResponse, XML_HEADERS } from '@/lib/seo';

export const dynamic = 'force-dynamic';

type SitemapContext = { params: Promise<{ name: string }> };

/** A child sitemap named in the index; any other name is a 404. Article and listing sitemaps stream batch by batch. */
export async function GET(_request: Request, { params }: SitemapContext) {
  const name = parseSitemapName((await params).name);
  if (!name) return notFoundResponse();
  const siteUrl = readSettings().siteUrl;
  if (name.type === 'news') {
    return new Response(buildNewsSitemap(await getNewsSitemapArticles(), siteUrl, SITE_NAME), { headers: XML_HEADERS });
  }
  const parts = await getSitemapParts();
  if (name.type === 'articles') {
    if (!parts.articles.some((p) => p.month === name.month && p.part === name.part)) return notFoundResponse();
    return new Response(streamUrlset((batch) => getArticleSitemapBatch(name.month, name.part, batch), siteUrl), { headers: XML_HEADERS });
  }
  if (!parts.listings.some((p) => p.kind === name.kind && p.part === name.part)) return notFoundResponse();
  return new Response(streamUrlset((batch) => getListingSitemapBatch(name.kind, name.part, batch), siteUrl), { headers: XML_HEADERS });
}
