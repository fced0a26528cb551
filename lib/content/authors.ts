import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { paginate } from './queries';
import type { ArticleSummary, AuthorRef, Paged } from './types';

/** An author page's subject: the byline's name and role. */
export type Author = AuthorRef & { description: string };

/** An author by slug, or null. Their page is what `NewsArticle.author.url` points to. */
export async function findAuthor(db: Kysely<Database>, slug: string): Promise<Author | null> {
  const row = await db.selectFrom('authors').select(['slug', 'name', 'role']).where('slug', '=', slug).executeTakeFirst();
  return row ? { ...row, description: row.role } : null;
}

/** The author's public articles, newest first. */
export async function listAuthorArticles(db: Kysely<Database>, slug: string, page: number, now: Date): Promise<Paged<ArticleSummary>> {
  const byAuthor = (eb: ExpressionBuilder<Database, 'articles'>) =>
    eb('articles.id', 'in', eb.selectFrom('article_authors').select('article_authors.article_id').where('article_authors.author_slug', '=', slug));
  return paginate(db, now, page, (q) => q.where(byAuthor), (q) => q.where(byAuthor));
}
