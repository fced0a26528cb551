/**
 * The page cache's door for routes and proxy.ts (ADR 0031): the Cache-Control
 * of each kind of answer, the tags a page is filed under, and the revalidation
 * endpoint's checks. The cache handler itself (cache-handler.cjs and the
 * memory it holds pages in) is loaded by Next.js from next.config.ts, and the
 * other capabilities invalidate through lib/newsroom's invalidate.ts.
 */
export { CACHE_CONTROL } from './control';
export { CACHE_TAGS } from './tags';
export { isAuthorizedRevalidation, readRevalidateRequest } from './revalidate';
export { markPageTags } from './page-lifetime';
