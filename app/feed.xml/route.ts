import { getFeedArticles } from '@/lib/content';
import { readSettings } from '@/lib/config';
import { decideFeedChannel, buildRssFeed, RSS_HEADERS } from '@/lib/seo';

export const dynamic = 'force-dynamic';

/** RSS 2.0 of the newest articles across the site. */
export async function GET() {
  const xml = buildRssFeed(decideFeedChannel(null), await getFeedArticles(null), readSettings().siteUrl, new Date());
  return new Response(xml, { headers: RSS_HEADERS });
}
