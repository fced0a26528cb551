import { isbot } from 'isbot';

/**
 * Which page-view beacons count as a reader's view. Pure functions of the
 * request headers, so the route, tests and benchmarks share one decision.
 */

/** Why a well-formed beacon was not counted, or `count`. */
export type ViewVerdict = 'count' | 'bot' | 'prefetch' | 'editor';

// Agents seen hitting news sites that isbot has missed in some release (the
// first three are named in the issue; the rest were missed by isbot 5.2.3
// when this was written). Substrings, case-insensitive.
const EXTRA_BOT_PATTERNS = ['chatgpt-user', 'bytespider', 'facebookexternalhit', 'cotoyogi', 'qwantify', 'proximic'];
const EXTRA_BOT_RE = new RegExp(EXTRA_BOT_PATTERNS.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'i');

/** Whether a User-Agent is a crawler, preview fetcher or script rather than a reader's browser. An empty agent is never a browser. */
export function isBotAgent(userAgent: string | null | undefined): boolean {
  if (!userAgent || !userAgent.trim()) return true;
  return isbot(userAgent) || EXTRA_BOT_RE.test(userAgent);
}

/**
 * Whether the request is a prefetch or prerender rather than a view:
 * `Sec-Purpose: prefetch` (and `prefetch;prerender`, which Chromium sends
 * for speculation-rules prerenders), the older `Purpose`/`X-Purpose`
 * headers, Firefox's `X-Moz: prefetch`, and Next.js's router prefetch.
 */
export function isPrefetch(headers: Headers): boolean {
  for (const name of ['sec-purpose', 'purpose', 'x-purpose', 'x-moz']) {
    const value = headers.get(name)?.toLowerCase();
    if (value && (value.includes('prefetch') || value.includes('preview') || value.includes('prerender'))) return true;
  }
  return headers.get('next-router-prefetch') === '1';
}

/**
 * Cookies that mark an editor's browser: the newsroom's session cookie, by
 * both names `sessionCookieName` (lib/newsroom/auth.ts) gives it. Every
 * beacon from a browser that carries one is ignored, so editors checking
 * their own pages never move the rankings. Presence is enough: a forged
 * cookie only hides the forger's own views.
 */
export const EDITOR_COOKIES: readonly string[] = ['kiji_session', '__Host-kiji_session'];

function cookieNames(header: string | null): Set<string> {
  const names = new Set<string>();
  if (!header) return names;
  for (const part of header.split(';')) {
    const name = part.split('=', 1)[0]?.trim();
    if (name) names.add(name);
  }
  return names;
}

/** Whether a beacon is a reader's view to count, and if not, why not. */
export function decideViewVerdict(headers: Headers, editorCookies: readonly string[] = EDITOR_COOKIES): ViewVerdict {
  if (isBotAgent(headers.get('user-agent'))) return 'bot';
  if (isPrefetch(headers)) return 'prefetch';
  const cookies = cookieNames(headers.get('cookie'));
  if (editorCookies.some((name) => cookies.has(name))) return 'editor';
  return 'count';
}
