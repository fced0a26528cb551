import { SITE_NAME, SITE_TAGLINE, siteSections, type SiteSection } from '../site/config';
import type { RssChannel } from './rss';

/**
 * The site's RSS feeds: one of everything at /feed.xml and one per section
 * at /feeds/{section}.xml. Pages link the feed that matches them from their
 * `<head>`.
 */

export const SITE_FEED_PATH = '/feed.xml';
export const LOGO_PATH = '/brand/kiji-logo.png';
export const LOGO_SIZE = { width: 512, height: 512 } as const;

export function sectionFeedPath(slug: string): string {
  return `/feeds/${slug}.xml`;
}

/** The section a feed file name (`world.xml`) asks for; null for anything else. */
export function parseSectionFeedName(file: string): SiteSection | null {
  const slug = /^([a-z0-9-]+)\.xml$/.exec(file)?.[1];
  return siteSections.find((s) => s.slug === slug) ?? null;
}

/** The channel of the all-articles feed, or of one section's feed. */
export function decideFeedChannel(section: SiteSection | null): RssChannel {
  const copyright = `© ${SITE_NAME}`;
  if (!section) {
    return { title: `${SITE_NAME} 最新記事`, description: SITE_TAGLINE, link: '/', self: SITE_FEED_PATH, logo: LOGO_PATH, copyright };
  }
  return {
    title: `${SITE_NAME} ${section.name}`,
    description: section.description,
    link: `/sections/${section.slug}`,
    self: sectionFeedPath(section.slug),
    logo: LOGO_PATH,
    copyright,
  };
}

/** `<link rel="alternate">` entries for a page's metadata: the site feed, and the section's when given. */
export function decideFeedLinks(section?: { slug: string; name: string }): { url: string; title: string }[] {
  const links = [{ url: SITE_FEED_PATH, title: `${SITE_NAME} 最新記事` }];
  if (section) links.push({ url: sectionFeedPath(section.slug), title: `${SITE_NAME} ${section.name}` });
  return links;
}
