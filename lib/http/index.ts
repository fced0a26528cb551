/**
 * HTTP as every answer of the site speaks it, the door for proxy.ts
 * (ADR 0031): the security headers and the page a reader gets when the
 * database cannot be reached. Size-limited bodies, client addresses and the
 * rate limiter are used by the capabilities (newsroom, newsletter, views),
 * which routes reach through their own doors.
 */
export { buildSecurityHeaders, FORWARDED_HTTPS } from './security-headers';
export { UNAVAILABLE_PAGE_HTML } from './unavailable-page';
