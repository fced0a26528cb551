/** Public paths. Kept stable so bookmarks and crawlers keep working. */

export function articlePath(id: string, page = 1): string {
  return page > 1 ? `/articles/${id}/${page}` : `/articles/${id}`;
}
/** An article as an editor or preview-link holder sees it, whatever its state: never cached, never indexed (ADR 0019). */
export function articlePreviewPath(id: string, page = 1): string {
  return `/preview${articlePath(id, page)}`;
}
export const sectionPath = (slug: string, page = 1) => withPage(`/sections/${slug}`, page);
export const topicPath = (slug: string, page = 1) => withPage(`/topics/${slug}`, page);
export const tagPath = (slug: string, page = 1) => withPage(`/tags/${slug}`, page);
export const seriesPath = (slug: string, page = 1) => withPage(`/series/${slug}`, page);
export const authorPath = (slug: string, page = 1) => withPage(`/authors/${slug}`, page);
export const magazineIssuePath = (slug: string) => `/magazine/${slug}`;
export const MAGAZINE_PATH = '/magazine';
export const PUBLICATIONS_PATH = '/publications';

function withPage(base: string, page: number): string {
  return page > 1 ? `${base}/${page}` : base;
}

/**
 * Reads the optional page segment of a listing or article URL: `[]` is page 1,
 * `['2']` page 2. Anything else (`['1']`, `['02']`, `['x']`, two segments) is
 * not a page of ours and gets null, which routes turn into a 404.
 */
export function parsePageSegment(segments: string[] | undefined): number | null {
  if (!segments || segments.length === 0) return 1;
  if (segments.length !== 1) return null;
  const [value] = segments;
  if (!value || !/^[1-9]\d{0,5}$/.test(value)) return null;
  const page = Number(value);
  return page >= 2 ? page : null;
}

/**
 * A listing's slug as the route received it. Next.js hands some params still
 * percent-encoded (a Japanese tag slug) and others decoded (`%25` arrives as
 * `%`), so decoding again must not throw on what is already plain: a `%` no
 * slug of ours contains is kept as it is and finds nothing (a 404, not a 500).
 */
export function decodeSlugSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
