import { z } from 'zod';

/**
 * The article page shows あわせて読みたい twice: after the body, and lower
 * down. They show different slices of one ranked list, so the lower one
 * never repeats the upper one however far a reader scrolls either.
 */
export const RELATED_SLICES = {
  /** After the body: the best-ranked. */
  main: { start: 0, end: 24 },
  /** Lower on the page: the next ones. */
  more: { start: 24, end: 48 },
} as const;

export type RelatedSliceName = keyof typeof RELATED_SLICES;

/**
 * Cards per request: the first page is in the server HTML, the rest arrive
 * as the reader reaches the end. Six fill a desktop row (four in view) and
 * a phone's first swipes; every card more in the HTML is render time for a
 * crawler's first visit and bytes every reader downloads (docs/benchmarks.md).
 */
export const RELATED_PAGE_SIZE = 6;

/** Query parameters of GET /api/related/{id}. */
export const relatedQuerySchema = z.object({
  slice: z.enum(Object.keys(RELATED_SLICES) as [RelatedSliceName, ...RelatedSliceName[]]).default('main'),
  page: z.coerce.number().int().min(1).max(Math.ceil(RELATED_SLICES.more.end / RELATED_PAGE_SIZE)).default(1),
});

export type RelatedPage<T> = { items: T[]; nextPage: number | null };

/** Page `page` (1-based) of a slice of the ranked list, and the next page's number when there is more. */
export function sliceRelated<T>(ranked: readonly T[], slice: RelatedSliceName, page: number): RelatedPage<T> {
  const { start, end } = RELATED_SLICES[slice];
  const last = Math.min(end, ranked.length);
  const from = start + (page - 1) * RELATED_PAGE_SIZE;
  const to = Math.min(from + RELATED_PAGE_SIZE, last);
  return { items: from < to ? ranked.slice(from, to) : [], nextPage: to < last ? page + 1 : null };
}
