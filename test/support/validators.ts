import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { Readable } from 'node:stream';
import { XMLParser } from 'fast-xml-parser';
import { parseSitemap, parseSitemapIndex } from 'sitemap';

/**
 * Tests only: checks of what crawlers read, by validators Kiji did not
 * write. The sitemaps.org XSD (shipped by the `sitemap` package) through
 * xmllint; the `sitemap` package's own parsers for the index and the
 * Google extensions; and Google's documented rules for the news and image
 * extensions, whose XSDs are only online.
 */

/** The official sitemaps.org 0.9 schema for `<urlset>`. */
export const SITEMAP_XSD = path.resolve('node_modules/sitemap/schema/sitemap.xsd');

const EXTENSION_ELEMENT = /<(image:image|news:news)>[\s\S]*?<\/\1>/g;

/**
 * xmllint's verdict on a `<urlset>` against the sitemaps.org XSD. The XSD
 * requires extension elements to be validated strictly against their own
 * (online-only) schemas, so they are checked separately
 * ({@link checkNewsSitemap}, {@link checkImageEntries}) and removed here.
 */
export function validateUrlsetXsd(xml: string): { ok: boolean; output: string } {
  const core = xml.replace(EXTENSION_ELEMENT, '');
  const run = spawnSync('xmllint', ['--noout', '--nonet', '--schema', SITEMAP_XSD, '-'], { input: core, encoding: 'utf8' });
  if (run.error) throw run.error;
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

/** xmllint's well-formedness verdict on any XML document. */
export function checkWellFormed(xml: string): { ok: boolean; output: string } {
  const run = spawnSync('xmllint', ['--noout', '--nonet', '-'], { input: xml, encoding: 'utf8' });
  if (run.error) throw run.error;
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

/** The `sitemap` package's reading of a sitemap index (throws on a malformed one). */
export function parseIndex(xml: string) {
  return parseSitemapIndex(Readable.from([xml]));
}

/** The `sitemap` package's reading of a urlset, extensions included. */
export function parseUrlset(xml: string) {
  return parseSitemap(Readable.from([xml]));
}

const W3C_DATETIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;
const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['url', 'image:image'].includes(name), parseTagValue: false });

type NewsUrl = {
  loc?: string;
  lastmod?: string;
  'news:news'?: {
    'news:publication'?: { 'news:name'?: string; 'news:language'?: string };
    'news:publication_date'?: string;
    'news:title'?: string;
  };
};

/**
 * Problems with a Google News sitemap by Google's documented rules: every
 * `<url>` has `news:news` with `news:publication` (`news:name`,
 * `news:language` = `ja`), a W3C `news:publication_date` within the last
 * 48 hours of `now` (or, for a running live page, a `<lastmod>` within
 * them: ADR 0039), and `news:title`; at most 1,000 URLs. Empty = valid.
 */
export function checkNewsSitemap(xml: string, now: Date): string[] {
  const doc = parser.parse(xml) as { urlset?: { url?: NewsUrl[] } };
  const urls = doc.urlset?.url ?? [];
  const problems: string[] = [];
  if (urls.length > 1000) problems.push(`${urls.length} URLs (limit 1,000)`);
  for (const url of urls) {
    const news = url['news:news'];
    const where = url.loc ?? '(no loc)';
    if (!url.loc?.startsWith('http')) problems.push(`${where}: loc is not absolute`);
    if (!news) {
      problems.push(`${where}: no news:news`);
      continue;
    }
    if (!news['news:publication']?.['news:name']) problems.push(`${where}: no news:publication/news:name`);
    if (news['news:publication']?.['news:language'] !== 'ja') problems.push(`${where}: news:language is not ja`);
    if (!news['news:title']) problems.push(`${where}: no news:title`);
    const date = news['news:publication_date'] ?? '';
    if (!W3C_DATETIME.test(date)) problems.push(`${where}: publication_date ${date} is not W3C format`);
    const recent = (t: string) => {
      const age = now.getTime() - Date.parse(t);
      return age >= -60_000 && age <= 48 * 3_600_000;
    };
    // Kiji keeps a running live page past 48 hours (ADR 0039): only when its lastmod says it changed within them.
    if (!recent(date) && !(url.lastmod && recent(url.lastmod))) problems.push(`${where}: published ${date}, outside the last 48 hours`);
  }
  return problems;
}

/** Problems with image sitemap entries: each `image:image` needs an absolute `image:loc`. Empty = valid. */
export function checkImageEntries(xml: string): string[] {
  const doc = parser.parse(xml) as { urlset?: { url?: { loc?: string; 'image:image'?: { 'image:loc'?: string }[] }[] } };
  const problems: string[] = [];
  for (const url of doc.urlset?.url ?? []) {
    for (const image of url['image:image'] ?? []) {
      if (!/^https?:\/\//.test(image['image:loc'] ?? '')) problems.push(`${url.loc}: image:loc ${image['image:loc']} is not absolute`);
    }
  }
  return problems;
}
