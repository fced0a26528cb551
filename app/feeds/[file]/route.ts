import { getFeedArticles } from '@/lib/content';
import { readSettings } from '@/lib/config';
import { decideFeedChannel, parseSectionFeedName, buildRssFeed, notFoundResponse, RSS_HEADERS } from '@/lib/seo';

export const dynamic = 'force-dynamic';

type FeedContext = { params: Promise<{ file: string }> };

/** RSS 2.0 of one section (`/feeds/world.xml`); unknown sections are 404s. */
export async function GET(_request: Request, { params }: FeedContext) {
  const section = parseSectionFeedName((await params).file);
  if (!section) return notFoundResponse();
  const xml = buildRssFeed(decideFeedChannel(section), await getFeedArticles(section.slug), readSettings().siteUrl, new Date());
  return new Response(xml, { headers: RSS_HEADERS });
}
