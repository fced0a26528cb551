/**
 * What crawlers may fetch. Everything readers see is open; the newsroom,
 * draft previews and the API are closed (they are also behind sign-in or a
 * secret; this only keeps crawlers from knocking). Search results stay
 * crawlable so crawlers can read their `noindex`.
 */
export const DISALLOWED_PATHS = ['/newsroom', '/preview', '/api/'] as const;

export function decideRobotsRules() {
  return [{ userAgent: '*', allow: '/', disallow: [...DISALLOWED_PATHS] }];
}

/**
 * robots.txt (RFC 9309) for the rules above and the given sitemap URLs. Kiji
 * writes the file itself rather than through `app/robots.ts` because Next.js
 * fixes that route's Cache-Control to `public, max-age=0, must-revalidate`,
 * which a CDN may not keep at all.
 */
export function formatRobotsTxt(sitemaps: string[]): string {
  const groups = decideRobotsRules().map((rule) =>
    [`User-Agent: ${rule.userAgent}`, `Allow: ${rule.allow}`, ...rule.disallow.map((path) => `Disallow: ${path}`)].join('\n'),
  );
  return `${[...groups, sitemaps.map((url) => `Sitemap: ${url}`).join('\n')].join('\n\n')}\n`;
}
