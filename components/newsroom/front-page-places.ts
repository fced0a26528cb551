import type { FrontPageArticle } from '@/lib/newsroom/front-page';

/**
 * The desk's arrangement as the front-page editor changes it: pure, so each
 * move is tested without a browser. The places in order are the lead
 * (null while the automatic order fills it) and the featured stories.
 */

export type Places = { lead: FrontPageArticle | null; featured: FrontPageArticle[] };

/** The places in order, the lead first. */
export function toOrder(places: Places): (FrontPageArticle | null)[] {
  return [places.lead, ...places.featured];
}

function fromOrder(order: (FrontPageArticle | null)[]): Places {
  const [lead = null, ...featured] = order;
  return { lead, featured: featured.filter((a): a is FrontPageArticle => a !== null) };
}

/** A key that changes exactly when the arrangement does (what is saved). */
export function toPlacesKey(places: Places): string {
  return toOrder(places)
    .map((a) => a?.id ?? '')
    .join(',');
}

/** The place an article holds, 0 the lead; undefined when it holds none. */
export function findPlace(places: Places, id: string): number | undefined {
  const at = toOrder(places).findIndex((a) => a?.id === id);
  return at < 0 ? undefined : at;
}

/**
 * Swaps the story at `index` with its neighbour one place up (-1) or down
 * (+1); moving the first featured story up makes it the lead even while the
 * lead is automatic. Null when there is nothing to move or nowhere to go.
 */
export function moveStory(places: Places, index: number, by: -1 | 1): Places | null {
  const order = toOrder(places);
  const article = order[index];
  const target = index + by;
  if (!article || target < 0 || target >= order.length) return null;
  [order[index], order[target]] = [order[target] ?? null, article];
  return fromOrder(order);
}

/** Takes the story at `index` out: the lead goes back to the automatic order, a featured story's followers move up. */
export function unpinStory(places: Places, index: number): Places {
  if (index === 0) return { ...places, lead: null };
  return { ...places, featured: places.featured.filter((_, i) => i !== index - 1) };
}

/** Makes `article` the lead (leaving any other place it held); the lead it replaces returns to the automatic order. */
export function placeLead(places: Places, article: FrontPageArticle): Places {
  return { lead: article, featured: places.featured.filter((a) => a.id !== article.id) };
}

/** Adds `article` after the featured stories; null when it is placed already or the featured places are full. */
export function addFeatured(places: Places, article: FrontPageArticle, slots: number): Places | null {
  if (findPlace(places, article.id) !== undefined || places.featured.length >= slots) return null;
  return { ...places, featured: [...places.featured, article] };
}
