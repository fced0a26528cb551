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
