import 'server-only';
import { getArticleSummaries, getRelatedArticleIds } from '../content';
import { toRelatedCard, type RelatedCard } from './cards';
import { sliceRelated, type RelatedPage, type RelatedSliceName } from './slices';

/**
 * One page of a あわせて読みたい carousel as cards: what the server wrapper
 * puts in the HTML (page 1) and what GET /api/related/{id} returns for the
 * pages after it. Null when the article is not public. The ranking is the
 * article's own (cached with it); the cards are read as they are now, so a
 * story corrected or withdrawn since shows its new headline or drops out,
 * and the page is tied to exactly the cards it shows.
 */
export async function getRelatedCards(articleId: string, slice: RelatedSliceName, page: number): Promise<RelatedPage<RelatedCard> | null> {
  const ranked = await getRelatedArticleIds(articleId);
  if (!ranked) return null;
  const { items, nextPage } = sliceRelated(ranked, slice, page);
  const current = await getArticleSummaries(items);
  return { items: current.map(toRelatedCard), nextPage };
}

export type { RelatedCard } from './cards';
export { RELATED_PAGE_SIZE, RELATED_SLICES, relatedQuerySchema, type RelatedPage, type RelatedSliceName } from './slices';
