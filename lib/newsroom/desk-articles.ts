import type { Kysely } from 'kysely';
import { isPublic } from '../content/queries';
import type { ArticleStatus, Database } from '../db/schema';

/**
 * Articles as the desk's pickers show them (the front page, newsletter
 * editions, the magazine's contents): one select, one shape and one
 * candidate query, each caller with its own rules of which articles it may
 * offer. None of this is read by a reader page: what readers get
 * is filtered by lib/content's `isPublic` wherever it is shown.
 */

type Db = Kysely<Database>;

/** An article as a desk picker lists it, chosen or to choose. */
export type DeskArticle = {
  id: string;
  headline: string;
  sectionName: string;
  status: ArticleStatus;
  publishedAt: string | null;
  /** Whether readers see it now: published and its time come. */
  visible: boolean;
};

/** Every article with the columns {@link toDeskArticle} reads (and its standfirst, which the newsletter shows), deleted drafts included: callers filter. */
export function selectDeskArticles(db: Db) {
  return db
    .selectFrom('articles')
    .innerJoin('sections', 'sections.slug', 'articles.section_slug')
    .select(['articles.id', 'articles.headline', 'articles.standfirst', 'sections.name as section_name', 'articles.status', 'articles.published_at']);
}

export type DeskArticleRow = { id: string; headline: string; section_name: string; status: ArticleStatus; published_at: string | null };

/** A row as the pickers show it, `visible` decided at `now` as `isPublic` decides it. */
export function toDeskArticle(row: DeskArticleRow, now: Date): DeskArticle {
  return {
    id: row.id,
    headline: row.headline,
    sectionName: row.section_name,
    status: row.status,
    publishedAt: row.published_at,
    visible: row.status === 'published' && row.published_at !== null && Date.parse(row.published_at) <= now.getTime(),
  };
}

/**
 * Which articles a picker may offer, newest first, and how many:
 * `public` offers only what readers see now (the front page and a
 * newsletter never carry anything else), newest published first;
 * `undeleted` any status but a deleted draft, newest changed first (an
 * issue's contents may hold a piece to be published on its 発売日; the
 * reader's page still shows only public ones).
 */
export type CandidateRules = { offer: 'public' | 'undeleted'; limit: number };

/** The articles a desk picker offers, by the caller's {@link CandidateRules}; the picker filters them in the browser. */
export async function listDeskCandidates(db: Db, rules: CandidateRules, now = new Date()) {
  const query =
    rules.offer === 'public'
      ? selectDeskArticles(db).where(isPublic(now)).orderBy('articles.published_at', 'desc')
      : selectDeskArticles(db).where('articles.deleted_at', 'is', null).where('articles.updated_at', 'is not', null).orderBy('articles.updated_at', 'desc');
  return query.orderBy('articles.id').limit(rules.limit).execute();
}
