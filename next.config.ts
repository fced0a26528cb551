import path from 'node:path';
import type { NextConfig } from 'next';
import { PHASE_PRODUCTION_BUILD } from 'next/constants';
import { CACHE_CONTROL } from './lib/cache/control';
import { FORWARDED_HTTPS, buildSecurityHeaders } from './lib/http/security-headers';
import { TRUST_PAGE_LIST } from './lib/site/pages';

/** The reader routes that are ISR pages (docs/adr/0003-caching.md); their CDN lifetime is CACHE_CONTROL.page. */
const PAGE_ROUTES = [
  '/',
  '/articles/:path*',
  '/:kind(sections|topics|tags|series|authors)/:path*',
  '/magazine/:path*',
  '/publications/:path*',
  '/ranking/:path*',
  // 会社概要, プライバシーポリシー, 利用規約, お問い合わせ (lib/site/pages.ts).
  `/:page(${TRUST_PAGE_LIST.map((p) => p.path.slice(1)).join('|')})/:path*`,
];

/** The site's settings, whatever Next.js is doing (the tests read them). */
export const nextConfig: NextConfig = {
  // Native and pool-holding packages load from node_modules at run time.
  // Kysely too: bundled, each server chunk got a copy of its classes, and
  // code that compared them across chunks broke (site search checked
  // `instanceof PostgresAdapter`, false on PostgreSQL). One copy per process.
  serverExternalPackages: ['better-sqlite3', 'pg', 'sharp', 'kysely'],
  poweredByHeader: false,
  // Next.js's file-system cache, except that what an unknown address leaves
  // (a 404 render, a getter's `null`) stays in a small in-memory LRU instead
  // of on disk for good (ADR 0017). Absolute: Next.js resolves a relative
  // path against the project at build and against `.next` at run time; the
  // config is loaded in the project folder (`npm run build`, `npm start`).
  cacheHandler: path.join(process.cwd(), 'lib/cache/cache-handler.cjs'),
  // Next.js hashes the whole HTML of every cached page on every request to
  // make an ETag (fnv1a over ~60 KB): a fifth of the server's time on a cached
  // article (profiled, docs/benchmarks.md). Cached pages carry s-maxage for
  // CDNs instead; static assets keep their own ETags.
  generateEtags: false,
  // How long our own cache may serve a page past its revalidate time while it
  // renders the next one. Reader pages revalidate after a day (a backstop:
  // writes invalidate their tags) and tell CDNs their own, shorter lifetime
  // (headers below); the week is for what no writer announces.
  expireTime: 604_800,
  // Set before the page renders; Next.js keeps a Cache-Control that is
  // already there, except on draft-mode renders and errors, which it makes
  // private (e2e/cache-headers.spec.ts asserts both). Not conditional on the
  // draft-mode cookie: a request with a forged one would then get Next.js's
  // `s-maxage=86400` and a CDN would keep that copy for a day.
  //
  // Security headers on every response (ADR 0021): pages, route handlers,
  // static files, Next.js's own 404s, and proxy.ts's 410 and 301 (Next.js
  // collects these before the proxy runs). Not on the redirects below or
  // trailing-slash ones: Next.js drops them there. These rules are fixed
  // at build, and a build serves any SITE_URL, so what depends on https
  // (HSTS, upgrade-insecure-requests) follows the request instead: the
  // second rule, for requests the TLS proxy marks as https, overrides the first.
  async headers() {
    return [
      { source: '/:path*', headers: toHeaderList(buildSecurityHeaders({ https: false })) },
      { source: '/:path*', has: [FORWARDED_HTTPS], headers: toHeaderList(buildSecurityHeaders({ https: true })) },
      ...PAGE_ROUTES.map((source) => ({ source, headers: [{ key: 'Cache-Control', value: CACHE_CONTROL.page }] })),
    ];
  },
  // Page 1 of an article or listing has only the bare URL; `/1` is an alias
  // that has moved there for good (301, which every crawler reads as moved).
  async redirects() {
    return [
      { source: '/articles/:id/1', destination: '/articles/:id', statusCode: 301 },
      { source: '/:kind(sections|topics|tags|series|authors)/:slug/1', destination: '/:kind/:slug', statusCode: 301 },
    ];
  },
  images: {
    // Every picture is ours, stored in the database and served at /media.
    localPatterns: [{ pathname: '/media/**' }],
    formats: ['image/avif', 'image/webp'],
    deviceSizes: [390, 640, 828, 1080, 1200, 1920],
    imageSizes: [64, 128, 256, 384],
    // Demo and newsroom images never change at the same path.
    minimumCacheTTL: 2_678_400,
  },
};

function toHeaderList(headers: Record<string, string>) {
  return Object.entries(headers).map(([key, value]) => ({ key, value }));
}

/**
 * `next build` also writes `.next/standalone`: `server.js` with the files it
 * traced, to copy to a machine and run with `node server.js` (the `postbuild`
 * script adds `public/` and `.next/static`; deploy/README.md, ADR 0027).
 * Only while building: `next start` warns that it "does not work" with a
 * standalone config. It does (it serves `.next` and ignores the folder), and
 * Next.js reads `output` at run time for nothing else, so README's
 * `npm start` stays as it was, without the warning.
 */
export default function config(phase: string): NextConfig {
  return phase === PHASE_PRODUCTION_BUILD ? { ...nextConfig, output: 'standalone' } : nextConfig;
}
