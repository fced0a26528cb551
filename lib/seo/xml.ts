/**
 * XML text for sitemaps: escaping and absolute URLs. Japanese needs no
 * escaping in UTF-8 XML; the five markup characters always do, and
 * characters XML 1.0 forbids (most C0 controls) are dropped rather than
 * making the whole file unreadable to a crawler.
 */

import { CACHE_CONTROL } from '../cache/control';

// XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
const NOT_XML_CHAR = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** `text` safe inside an XML element or a double-quoted attribute. */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML_CHAR, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * An absolute URL for a site path (or an already absolute URL, unchanged).
 * Sitemaps, feeds, canonical links and JSON-LD all need the public origin,
 * `SITE_URL`, never the address the request happened to arrive on.
 */
export function toAbsoluteUrl(pathOrUrl: string, siteUrl: string): string {
  if (/^https?:\/\//.test(pathOrUrl)) return pathOrUrl;
  return new URL(pathOrUrl, `${siteUrl}/`).toString();
}

/**
 * Headers of sitemaps and feeds: a CDN may keep them for a minute
 * (CACHE_CONTROL.crawlerFile), so a publish or unpublish reaches crawlers
 * about a minute after our server knows of it.
 */
export const XML_HEADERS = { 'Content-Type': 'application/xml; charset=utf-8', 'Cache-Control': CACHE_CONTROL.crawlerFile };
export const RSS_HEADERS = { 'Content-Type': 'application/rss+xml; charset=utf-8', 'Cache-Control': CACHE_CONTROL.crawlerFile };

/** The plain 404 of a sitemap or feed address we do not have. */
export function notFoundResponse(): Response {
  return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': CACHE_CONTROL.missing } });
}
