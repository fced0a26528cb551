import type { FeedArticle } from '../content/feeds';
import { formatDateline } from '../time/jst';
import { escapeXml, toAbsoluteUrl } from './xml';

/**
 * RSS 2.0 (https://www.rssboard.org/rss-specification) written by hand
 * rather than with the `feed` package: RSS's `<author>` must be an e-mail
 * address, so names go in `dc:creator`, and enclosures need their real
 * length and type, which the package cannot both express.
 */

export type RssChannel = {
  title: string;
  description: string;
  /** The HTML page the feed mirrors (site path). */
  link: string;
  /** This feed's own address (site path), for `atom:link rel="self"`. */
  self: string;
  /** Site path of the publisher's logo. */
  logo: string;
  copyright: string;
};

const IMAGE_TYPES: Record<string, string> = { webp: 'image/webp', jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', avif: 'image/avif', gif: 'image/gif' };

/** RFC 822 date-time, as RSS 2.0 requires. */
export function formatRfc822(iso: string): string {
  return new Date(iso).toUTCString();
}

function element(name: string, text: string, attributes = ''): string {
  return `<${name}${attributes}>${escapeXml(text)}</${name}>`;
}

/**
 * An item's description: the article's, then each 訂正 notice dated in
 * Japan time, so a feed reader sees a correction as the page's reader does
 * (ADR 0034). RSS 2.0 has no element of its own for one.
 */
export function describeItem(a: Pick<FeedArticle, 'description' | 'corrections'>): string {
  // `?.`: feed items cached by a build before ADR 0034 have no `corrections` until next read.
  if (!a.corrections?.length) return a.description;
  const notes = a.corrections.map((c) => `【訂正 ${formatDateline(c.publishedAt)}】${c.text}`);
  return [a.description, ...notes].join('\n\n');
}

function formatItem(a: FeedArticle, siteUrl: string): string {
  const url = toAbsoluteUrl(a.url, siteUrl);
  const parts = [
    element('title', a.headline),
    element('link', url),
    element('guid', url, ' isPermaLink="true"'),
    element('pubDate', formatRfc822(a.publishedAt)),
    element('description', describeItem(a)),
    element('category', a.section.name, ` domain="${escapeXml(toAbsoluteUrl(`/sections/${a.section.slug}`, siteUrl))}"`),
    ...a.tags.map((t) => element('category', t)),
    ...(a.authors.length > 0 ? a.authors : a.agencyName ? [a.agencyName] : []).map((name) => element('dc:creator', name)),
  ];
  if (a.hero) {
    const type = IMAGE_TYPES[a.hero.src.split('.').pop()?.toLowerCase() ?? ''] ?? 'image/webp';
    // RSS asks for the length in bytes; 0 is the accepted value when it is unknown.
    parts.push(`<enclosure url="${escapeXml(toAbsoluteUrl(a.hero.src, siteUrl))}" length="${a.heroBytes ?? 0}" type="${type}"/>`);
  }
  return `<item>${parts.join('')}</item>\n`;
}

/** A complete RSS 2.0 document for `articles`, newest first, in Japanese. */
export function buildRssFeed(channel: RssChannel, articles: FeedArticle[], siteUrl: string, now: Date): string {
  const link = toAbsoluteUrl(channel.link, siteUrl);
  const lastBuild = articles.reduce((max, a) => (a.updatedAt > max ? a.updatedAt : max), articles[0]?.updatedAt ?? now.toISOString());
  return [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">\n<channel>\n',
    element('title', channel.title),
    element('link', link),
    element('description', channel.description),
    element('language', 'ja'),
    element('copyright', channel.copyright),
    element('lastBuildDate', formatRfc822(lastBuild)),
    `<atom:link href="${escapeXml(toAbsoluteUrl(channel.self, siteUrl))}" rel="self" type="application/rss+xml"/>`,
    `<image>${element('url', toAbsoluteUrl(channel.logo, siteUrl))}${element('title', channel.title)}${element('link', link)}</image>\n`,
    ...articles.map((a) => formatItem(a, siteUrl)),
    '</channel>\n</rss>\n',
  ].join('');
}
