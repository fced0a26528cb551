import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

type Db = Kysely<Database>;

/** The most articles an issue's contents (目次) holds; the newsroom enforces it, the reader's read is bounded by it. */
export const MAGAZINE_CONTENTS_MAX = 30;

/**
 * The ids of an issue's contents (目次) in the desk's order, whatever each
 * article's status (docs/adr/0049-magazine-desk.md). Readers get them
 * through `getArticleSummaries`, which keeps only public articles and tags
 * the page with every id, so an article placed as a draft appears when it is
 * published and one withdrawn leaves, each by its own article's tag.
 */
export async function listMagazineContentIds(db: Db, slug: string): Promise<string[]> {
  const rows = await db
    .selectFrom('magazine_issue_articles')
    .select('article_id')
    .where('issue_slug', '=', slug)
    .orderBy('position')
    .limit(MAGAZINE_CONTENTS_MAX)
    .execute();
  return rows.map((r) => r.article_id);
}
