/**
 * The site's fixed pages about itself: who publishes it, what it
 * collects, the terms of use and how to reach the editors. Configuration,
 * not content: the footer links them without a database, and the sitemap
 * lists them.
 */

export type TrustPage = {
  /** Site path; the page's canonical URL. */
  path: string;
  /** The page's heading, link text and breadcrumb. */
  name: string;
  /** When the page's wording took effect (`YYYY-MM-DD`, Japan's calendar): 制定日 on the policies. */
  enacted: string;
  /** When it last changed, if it has (改定日); add it with every change of wording. */
  revised?: string;
};

/** When a page's wording last changed: its sitemap `lastmod`. */
export function getTrustPageLastmod(page: TrustPage): string {
  return page.revised ?? page.enacted;
}

export const TRUST_PAGES = {
  about: { path: '/about', name: '会社概要', enacted: '2026-12-05' },
  privacy: { path: '/privacy', name: 'プライバシーポリシー', enacted: '2026-12-05' },
  terms: { path: '/terms', name: '利用規約', enacted: '2026-12-05' },
  contact: { path: '/contact', name: 'お問い合わせ', enacted: '2026-12-05' },
} as const satisfies Record<string, TrustPage>;

export type TrustPageKey = keyof typeof TRUST_PAGES;

/** The pages in the order the footer and the sitemap list them. */
export const TRUST_PAGE_LIST: readonly TrustPage[] = [TRUST_PAGES.about, TRUST_PAGES.privacy, TRUST_PAGES.terms, TRUST_PAGES.contact];

/** Anchors other pages link to: the editorial and corrections policy on 会社概要, the newsletter's part of the privacy policy. */
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
