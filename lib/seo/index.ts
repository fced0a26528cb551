/**
 * What search engines and feed readers are given, the door for routes
 * (ADR 0031): page metadata, JSON-LD, RSS, sitemaps and robots.txt, and the
 * headers and 404 of the XML routes. The share picture's crops are served
 * by the media route through lib/content; routes never call sharp here.
 */
export { buildArticleMetadata, buildPageMetadata, buildSearchMetadata, NOINDEX_ROBOTS, NOT_FOUND_METADATA, PUBLIC_ROBOTS } from './metadata';
export { buildAuthorProfile, buildOrganization, buildWebSite } from './json-ld';
export { decideFeedChannel, decideFeedLinks, parseSectionFeedName } from './feeds';
export { buildRssFeed } from './rss';
export { articleSitemapPath, listingSitemapPath, NEWS_SITEMAP_PATH, parseSitemapName, SITEMAP_INDEX_PATH } from './sitemap-routes';
export { buildNewsSitemap, buildSitemapIndex, streamUrlset } from './sitemap-xml';
export { formatRobotsTxt } from './robots';
export { notFoundResponse, RSS_HEADERS, XML_HEADERS } from './xml';
