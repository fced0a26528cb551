import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { isPublic, paginate } from './queries';
import type { ArticleSummary, Author, Paged } from './types';

/** An author by slug, with their profile and portrait (ADR 0050), or null. Their page is what `NewsArticle.author.url` points to. */
export async function findAuthor(db: Kysely<Database>, slug: string): Promise<Author | null> {
  const row = await db
    .selectFrom('authors')
    .select(['slug', 'name', 'role', 'profile', 'portrait_src', 'portrait_width', 'portrait_height'])
    .where('slug', '=', slug)
    .executeTakeFirst();
  return row ? toAuthor(row) : null;
}

type AuthorRow = { slug: string; name: string; role: string; profile: string; portrait_src: string | null; portrait_width: number | null; portrait_height: number | null };

/**
 * An author's row as their page shows it. The portrait's alt text is empty:
 * the author's name is the heading beside it, and a screen reader would
 * read it twice. `description` (meta description, CollectionPage) is the
 * profile, or the 肩書き when there is none yet.
 */
export function toAuthor(row: AuthorRow): Author {
  const profile = row.profile.trim();
  const portrait =
    row.portrait_src && row.portrait_width && row.portrait_height
      ? { src: row.portrait_src, width: Number(row.portrait_width), height: Number(row.portrait_height), alt: '' }
      : null;
  return { slug: row.slug, name: row.name, role: row.role, profile, portrait, description: profile || row.role };
}

/** The author's public articles, newest first. */
export async function listAuthorArticles(db: Kysely<Database>, slug: string, page: number, now: Date): Promise<Paged<ArticleSummary>> {
  const byAuthor = (eb: ExpressionBuilder<Database, 'articles'>) =>
    eb('articles.id', 'in', eb.selectFrom('article_authors').select('article_authors.article_id').where('article_authors.author_slug', '=', slug));
  return paginate(db, now, page, (q) => q.where(byAuthor), (q) => q.where(byAuthor));
}

/**
 * The byline of a public article as slugs, in order; null when readers
 * cannot see the article. Read before the article itself so its cached
 * read can carry one `byline:<slug>` tag per author (lib/content/index.ts,
 * ADR 0050): a change to an author's name or 肩書き then re-renders exactly
 * the pages that print it.
 */
export async function listPublicBylineSlugs(db: Kysely<Database>, id: string, now: Date): Promise<string[] | null> {
  const article = await db.selectFrom('articles').select('id').where('id', '=', id).where(isPublic(now)).executeTakeFirst();
  if (!article) return null;
  const rows = await db.selectFrom('article_authors').select('author_slug').where('article_id', '=', id).orderBy('position').execute();
  return rows.map((r) => r.author_slug);
}
