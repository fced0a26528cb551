/**
 * The site's fixed pages about itself: who publishes it, what it
 * collects, the terms of use and how to reach the editors. Their paths and
 * names are configuration (the footer links them without a database, and
 * next.config.ts sets their cache headers); their titles, descriptions and
 * wording are the newsroom's, in `fixed_pages` (docs/adr/0048-fixed-pages.md).
 */

export type TrustPage = {
  /** Site path; the page's canonical URL. */
  path: string;
  /** The page's name as the footer, the breadcrumb and the newsroom list give it. */
  name: string;
};

export const TRUST_PAGES = {
  about: { path: '/about', name: '会社概要' },
  privacy: { path: '/privacy', name: 'プライバシーポリシー' },
  terms: { path: '/terms', name: '利用規約' },
  contact: { path: '/contact', name: 'お問い合わせ' },
} as const satisfies Record<string, TrustPage>;

export type TrustPageKey = keyof typeof TRUST_PAGES;

/** The fixed pages' slugs (`fixed_pages.slug`), in the order the footer, the sitemap and the newsroom list them. */
export const FIXED_PAGE_SLUGS = ['about', 'privacy', 'terms', 'contact'] as const satisfies readonly TrustPageKey[];

export type FixedPageSlug = (typeof FIXED_PAGE_SLUGS)[number];

/** Whether `value` names a fixed page: anything else a route is given is a 404. */
export function isFixedPageSlug(value: unknown): value is FixedPageSlug {
  return typeof value === 'string' && (FIXED_PAGE_SLUGS as readonly string[]).includes(value);
}

/** The pages in the order the footer and the sitemap list them. */
export const TRUST_PAGE_LIST: readonly TrustPage[] = FIXED_PAGE_SLUGS.map((slug) => TRUST_PAGES[slug]);

/**
 * Anchors other pages link to: the editorial and corrections policy on
 * 会社概要, the newsletter's part of the privacy policy. The pages' wording
 * names them after their headings (`{#newsletter}`, lib/text/fixed-page-body.ts).
 */
export const TRUST_ANCHORS = {
  editorialPolicy: 'editorial-policy',
  corrections: 'corrections',
  newsletterPrivacy: 'newsletter',
} as const;

/**
 * The page a withdrawn article's address shows, with status 410 (proxy.ts
 * rewrites to it): its address, and the words the 410 says.
 */
export const WITHDRAWN_PAGE = {
  path: '/articles/withdrawn',
  title: 'この記事は公開を終了しました',
  message: 'お探しの記事は、編集部の判断により掲載を取りやめました。ほかの記事はキーワードで検索するか、トップページからお探しください。',
} as const;
