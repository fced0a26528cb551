/**
 * The security headers of every response Kiji sends (docs/adr/0021-security-headers.md).
 * Pure and free of server-only imports: next.config.ts `headers()` applies
 * them to every path, proxy.ts's own 410 and 301 included.
 */

export type SecurityHeaderOptions = {
  /**
   * The response goes out over https: adds Strict-Transport-Security and
   * lets the CSP upgrade any http: subresource. Never over plain http, where
   * a browser ignores HSTS (RFC 6797 §8.1) and the upgrade would break the page.
   */
  https: boolean;
};

/**
 * The Content-Security-Policy, directive by directive.
 *
 * Scripts: reader pages are cached whole (our page cache and CDNs hand the
 * same bytes to every reader), so they cannot carry a per-request nonce, and
 * Next.js writes its bootstrap as inline `self.__next_f.push(…)` scripts
 * whose text differs page by page: `'unsafe-inline'` is what is left. No
 * `'unsafe-eval'`: the production build does not evaluate strings. What this
 * still refuses: scripts, frames (but YouTube's player), plugins and connections to any other
 * origin, `<base>` hijacking, forms posting elsewhere, being framed.
 *
 * Styles: stylesheets are the build's own files. next/image writes a
 * `style` attribute on every picture, so attributes are allowed; `<style>`
 * elements are not (nothing of ours writes one; the 410 and preview-refusal
 * pages are styled by attribute). With scripts inline-allowed this buys
 * little, but costs nothing and keeps injected CSS selectors out.
 *
 * Images: article figures may name any https address (lib/text/markdown.ts
 * `toSafeImageSrc`), drawn unoptimised; everything else is ours.
 *
 * Frames: the YouTube player, and only once a reader asks for it; an
 * embedded X post is a link, so x.com needs nothing here.
 */
/** Where the video cards' player comes from (lib/text/embeds.ts `toYouTubePlayerSrc`). */
export const YOUTUBE_PLAYER_ORIGIN = 'https://www.youtube-nocookie.com';

const POLICY: readonly (readonly [directive: string, ...sources: string[]])[] = [
  ['default-src', "'self'"],
  ['script-src', "'self'", "'unsafe-inline'"],
  ['style-src', "'self'"],
  ['style-src-attr', "'unsafe-inline'"],
  ['img-src', "'self'", 'https:'],
  ['font-src', "'self'"],
  // Same-origin fetches only: the rails poll, related cards, the view beacon,
  // newsletter answers, the newsroom's API, Server Actions and RSC navigations.
  ['connect-src', "'self'"],
  // One frame only: the YouTube player a reader starts from a video card,
  // on its privacy-enhanced host (docs/adr/0042-embeds.md). No plugin, no worker.
  ['frame-src', YOUTUBE_PLAYER_ORIGIN],
  ['object-src', "'none'"],
  ['worker-src', "'none'"],
  // No page has a <base>; an injected one would re-point every relative script address.
  ['base-uri', "'none'"],
  ['form-action', "'self'"],
  // No page of ours is meant to be shown inside another (clickjacking), ours included.
  ['frame-ancestors', "'none'"],
];

/** Content-Security-Policy for a response sent over http or https. */
export function buildContentSecurityPolicy({ https }: SecurityHeaderOptions): string {
  const directives = POLICY.map((d) => d.join(' '));
  if (https) directives.push('upgrade-insecure-requests');
  return directives.join('; ');
}

/**
 * One year, no `includeSubDomains` and no `preload`: Kiji does not know
 * which other hosts share its domain, and a browser that learned either
 * would refuse them over http for a year. An operator who does can send a
 * stronger value from the TLS proxy.
 */
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000';

/**
 * Powerful features no page of Kiji uses, switched off for it and for
 * anything it might ever frame. Only names Chromium knows: an unknown one
 * is logged as an error on every page.
 */
const PERMISSIONS_POLICY = ['accelerometer', 'camera', 'geolocation', 'gyroscope', 'magnetometer', 'microphone', 'payment', 'usb']
  .map((feature) => `${feature}=()`)
  .join(', ');

/** The headers every response carries, by name. */
export function buildSecurityHeaders({ https }: SecurityHeaderOptions): Record<string, string> {
  return {
    'Content-Security-Policy': buildContentSecurityPolicy({ https }),
    'X-Content-Type-Options': 'nosniff',
    // Browsers older than CSP's frame-ancestors read only this.
    'X-Frame-Options': 'DENY',
    // The browsers' default, said outright: another site learns our origin, never which article was read.
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': PERMISSIONS_POLICY,
    // A page we open in a new tab, or that opens us, gets no handle on our window.
    'Cross-Origin-Opener-Policy': 'same-origin',
    ...(https ? { 'Strict-Transport-Security': STRICT_TRANSPORT_SECURITY } : {}),
  };
}

/**
 * How a request says it came over https, as a next.config `has` condition
 * (its value is matched as a whole): the TLS-terminating proxy in front
 * writes `X-Forwarded-Proto: https` (nginx: `proxy_set_header
 * X-Forwarded-Proto $scheme;`). Next.js fills the header in only after its
 * routing has chosen the headers, so without it a request is plain http.
 */
export const FORWARDED_HTTPS = { type: 'header', key: 'x-forwarded-proto', value: 'https' } as const;
