/**
 * The site's own facts, the door for routes and proxy.ts (ADR 0031): its
 * name and tagline, and the fixed pages' addresses (会社概要, プライバシー …,
 * and the withdrawn article's page). What the publisher wrote on those pages
 * is content, read through lib/content.
 */
export { SITE_NAME, SITE_TAGLINE } from './config';
export { isFixedPageSlug, TRUST_PAGE_LIST, TRUST_PAGES, WITHDRAWN_PAGE } from './pages';
