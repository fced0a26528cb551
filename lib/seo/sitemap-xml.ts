import type { NewsSitemapArticle, SitemapEntry } from '../content/sitemap';
import { toJstIso } from '../time/jst';
import { escapeXml, toAbsoluteUrl } from './xml';

/**
 * Sitemap XML (sitemaps.org 0.9) with Google's image and news extensions.
 * Child sitemaps are written in pieces (open, entries, close) so a route can
 * stream them batch by batch.
 */

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const IMAGE_NS = 'http://www.google.com/schemas/sitemap-image/1.1';
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9';
const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** W3C datetime for `<lastmod>`: calendar dates stay dates, instants get Japan time with `+09:00`. */
export function formatLastmod(value: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : toJstIso(value);
}

export const URLSET_OPEN = `${DECLARATION}<urlset xmlns="${SITEMAP_NS}" xmlns:image="${IMAGE_NS}">\n`;
export const URLSET_CLOSE = '</urlset>\n';

/** One `<url>` with its `<lastmod>` and an `<image:image>` per picture. */
export function formatSitemapUrl(entry: SitemapEntry, siteUrl: string): string {
  const lastmod = entry.lastmod ? `<lastmod>${formatLastmod(entry.lastmod)}</lastmod>` : '';
  const images = entry.images.map((src) => `<image:image><image:loc>${escapeXml(toAbsoluteUrl(src, siteUrl))}</image:loc></image:image>`).join('');
  return `<url><loc>${escapeXml(toAbsoluteUrl(entry.path, siteUrl))}</loc>${lastmod}${images}</url>\n`;
}

/** A whole child sitemap, for tests and small lists. */
export function buildUrlset(entries: SitemapEntry[], siteUrl: string): string {
  return URLSET_OPEN + entries.map((e) => formatSitemapUrl(e, siteUrl)).join('') + URLSET_CLOSE;
}

/** The sitemap index: one `<sitemap>` per child, with the child's newest change. */
export function buildSitemapIndex(children: { path: string; lastmod: string | null }[], siteUrl: string): string {
  const items = children.map((c) => {
    const lastmod = c.lastmod ? `<lastmod>${formatLastmod(c.lastmod)}</lastmod>` : '';
    return `<sitemap><loc>${escapeXml(toAbsoluteUrl(c.path, siteUrl))}</loc>${lastmod}</sitemap>\n`;
  });
  return `${DECLARATION}<sitemapindex xmlns="${SITEMAP_NS}">\n${items.join('')}</sitemapindex>\n`;
}

/**
 * The Google News sitemap: each article with its `<lastmod>` (a running
 * live page's newest post, ADR 0039), `news:publication` (name and
 * language `ja`), `news:publication_date` in W3C format and `news:title`.
 * Choosing which articles (48 hours and running live pages, ≤ 1,000) is
 * the query's job.
 */
export function buildNewsSitemap(articles: NewsSitemapArticle[], siteUrl: string, publicationName: string): string {
  const items = articles.map(
    (a) =>
      `<url><loc>${escapeXml(toAbsoluteUrl(a.path, siteUrl))}</loc><lastmod>${formatLastmod(a.lastmod)}</lastmod><news:news><news:publication><news:name>${escapeXml(publicationName)}</news:name><news:language>ja</news:language></news:publication><news:publication_date>${toJstIso(a.publishedAt)}</news:publication_date><news:title>${escapeXml(a.headline)}</news:title></news:news></url>\n`,
  );
  return `${DECLARATION}<urlset xmlns="${SITEMAP_NS}" xmlns:news="${NEWS_NS}">\n${items.join('')}</urlset>\n`;
}

/**
 * A child sitemap as a byte stream: the opening, then each batch of rows as
 * `readBatch(0)`, `readBatch(1)`, … returns them, until an empty batch. Only
 * one batch is held at a time, whatever the sitemap's size.
 */
export function streamUrlset(readBatch: (batch: number) => Promise<SitemapEntry[]>, siteUrl: string): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let batch = 0;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(URLSET_OPEN));
    },
    async pull(controller) {
      const rows = await readBatch(batch++);
      if (rows.length === 0) {
        controller.enqueue(encoder.encode(URLSET_CLOSE));
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(rows.map((e) => formatSitemapUrl(e, siteUrl)).join('')));
    },
  });
}
