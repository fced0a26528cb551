import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { createPreviewLink, type PreviewLink } from '../preview/links';

/**
 * A shareable preview link to an article of the newsroom, in whatever state
 * it is (lib/preview/links.ts makes the token); null when there is no such
 * article, so no link ever names an id that does not exist.
 */
export async function createArticlePreviewLink(
  db: Kysely<Database>,
  secret: string,
  input: { articleId: string; editorId: string; hours: number; now?: Date },
): Promise<PreviewLink | null> {
  const article = await db.selectFrom('articles').select('id').where('id', '=', input.articleId).where('deleted_at', 'is', null).executeTakeFirst();
  if (!article) return null;
  return createPreviewLink(db, secret, input);
}
