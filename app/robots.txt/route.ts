import { readSettings } from '@/lib/config';
import { CACHE_CONTROL } from '@/lib/cache';
import { NEWS_SITEMAP_PATH, SITEMAP_INDEX_PATH, formatRobotsTxt } from '@/lib/seo';

// SITE_URL is read when the server runs, not when it was built.
export const dynamic = 'force-dynamic';

export function GET() {
  const site = readSettings().siteUrl;
  return new Response(formatRobotsTxt([`${site}${SITEMAP_INDEX_PATH}`, `${site}${NEWS_SITEMAP_PATH}`]), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': CACHE_CONTROL.crawlerFile },
  });
}
