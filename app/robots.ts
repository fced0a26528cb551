import type { MetadataRoute } from 'next';
import { readSettings } from '@/lib/config';
import { NEWS_SITEMAP_PATH, SITEMAP_INDEX_PATH } from '@/lib/seo/sitemap-routes';
import { decideRobotsRules } from '@/lib/seo/robots';

// SITE_URL is read when the server runs, not when it was built.
export const dynamic = 'force-dynamic';

export default function robots(): MetadataRoute.Robots {
  const site = readSettings().siteUrl;
  return { rules: decideRobotsRules(), sitemap: [`${site}${SITEMAP_INDEX_PATH}`, `${site}${NEWS_SITEMAP_PATH}`] };
}
