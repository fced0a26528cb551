import { sign, verifySignature } from '../signing';

/**
 * Cross-site request protection for every newsroom mutation, in two
 * independent layers (OWASP's "defence in depth" for CSRF):
 *
 * 1. Origin: the browser must say where the request comes from and it must be
 *    us. A request *without* Origin is refused; Next.js's own Server Action
 *    check lets those through. `Sec-Fetch-Site`, when sent, must be
 *    `same-origin` (`same-site` would trust every sibling subdomain).
 * 2. Token: a value only our pages can know: an HMAC of the session id (or,
 *    on the sign-in form, of the time it was issued).
 */

export type OriginCheck = { ok: true } | { ok: false; reason: 'no-origin' | 'cross-origin' | 'cross-site-fetch' };

/** Checks a mutation's Origin and Sec-Fetch-Site headers against the origins the site is served at. */
export function checkRequestOrigin(headers: Headers, allowedOrigins: readonly string[]): OriginCheck {
  const site = headers.get('sec-fetch-site');
  if (site !== null && site !== 'same-origin') return { ok: false, reason: 'cross-site-fetch' };
  const origin = headers.get('origin');
  if (origin === null || origin === '' || origin === 'null') return { ok: false, reason: 'no-origin' };
  return allowedOrigins.includes(origin) ? { ok: true } : { ok: false, reason: 'cross-origin' };
}

/**
 * The origins a legitimate newsroom page can post from: the configured
 * SITE_URL, and the origin of the Host the request came to (an editor on
 * `127.0.0.1` when SITE_URL says `localhost`). A cross-site page cannot
 * forge either: its browser sends its own Origin, and our cookies only go to
 * our host. X-Forwarded-Host and -Proto say where the request came to only
 * when a trusted proxy wrote them (KIJI_TRUSTED_PROXY_HOPS > 0); otherwise a
 * client could name any host it likes.
 */
export function listAllowedOrigins(siteUrl: string, headers: Headers, trustedProxyHops: number): string[] {
  const origins = [new URL(siteUrl).origin];
  const proxied = trustedProxyHops > 0;
  const host = (proxied ? headers.get('x-forwarded-host') : null) ?? headers.get('host');
  const proto = proxied && headers.get('x-forwarded-proto') === 'https' ? 'https' : 'http';
  if (host && /^[a-z0-9.:[\]-]+$/i.test(host)) origins.push(`${proto}://${host.toLowerCase()}`);
  return origins;
}

/** The CSRF token of a session: stable for the session, useless for any other. */
export function toCsrfToken(secret: string, sessionId: string): string {
  return sign(secret, 'csrf', sessionId);
}

export function isValidCsrfToken(secret: string, sessionId: string, token: string | null | undefined): boolean {
  return typeof token === 'string' && token.length > 0 && verifySignature(secret, 'csrf', sessionId, token);
}

/** The sign-in form's token lives two hours: long enough to type a password, short enough to be useless when leaked. */
export const SIGN_IN_TOKEN_LIFETIME_MS = 2 * 60 * 60 * 1000;

/** A token for the sign-in form, which has no session yet: when it was issued, and our signature of that. */
export function toSignInToken(secret: string, now = new Date()): string {
  const issued = String(now.getTime());
  return `${issued}.${sign(secret, 'sign-in', issued)}`;
}

export function isValidSignInToken(secret: string, token: string | null | undefined, now = new Date()): boolean {
  if (typeof token !== 'string') return false;
  const [issued, signature, extra] = token.split('.');
  if (!issued || !signature || extra !== undefined || !/^\d{13}$/.test(issued)) return false;
  const age = now.getTime() - Number(issued);
  return age >= -60_000 && age <= SIGN_IN_TOKEN_LIFETIME_MS && verifySignature(secret, 'sign-in', issued, signature);
}
