import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { FIXED_PAGE_SLUGS, isFixedPageSlug, type FixedPageSlug } from '../site/pages';

/**
 * The site's fixed pages (会社概要, プライバシーポリシー, 利用規約,
 * お問い合わせ; docs/adr/0048-fixed-pages.md) as readers and crawlers get
 * them, from `fixed_pages`. The getter (./index.ts getFixedPage) caches
 * {@link findFixedPage} under the page's own tag; the newsroom's save
 * (lib/newsroom/fixed-pages.ts) invalidates it.
 */

type Db = Kysely<Database>;

/** A fixed page as readers get it: the stored wording, its places not yet filled (lib/text/fixed-page-body.ts). */
export type FixedPage = {
  slug: FixedPageSlug;
  title: string;
  /** The meta description and link previews' text. */
  description: string;
  /** House Markdown with the fixed pages' places and anchors. */
  body: string;
  /** The last save (ISO): the page's 最終更新日 and sitemap `lastmod`. */
  updatedAt: string;
};

/** A fixed page; null for anything but the four slugs, or a row someone deleted from the database. */
export async function findFixedPage(db: Db, slug: string): Promise<FixedPage | null> {
  if (!isFixedPageSlug(slug)) return null;
  const row = await db
    .selectFrom('fixed_pages')
    .select(['title', 'description', 'body', 'updated_at'])
    .where('slug', '=', slug)
    .executeTakeFirst();
  return row ? { slug, title: row.title, description: row.description, body: row.body, updatedAt: row.updated_at } : null;
}

/** When each fixed page was last saved, in the footer's order: the sitemap's `lastmod`. */
export async function listFixedPageDates(db: Db): Promise<{ slug: FixedPageSlug; updatedAt: string }[]> {
  const rows = await db.selectFrom('fixed_pages').select(['slug', 'updated_at']).execute();
  const bySlug = new Map(rows.map((r) => [r.slug, r.updated_at]));
  return FIXED_PAGE_SLUGS.flatMap((slug) => {
    const updatedAt = bySlug.get(slug);
    return updatedAt ? [{ slug, updatedAt }] : [];
  });
}
