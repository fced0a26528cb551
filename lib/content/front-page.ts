import type { ArticleSummary, HomePage } from './types';

/**
 * The desk's layer over the automatic home page (ADR 0033): the
 * lead (slot 0) and the first stories beside it (slots 1…) can be pinned;
 * every other place stays newest first. The read of the pins is
 * `listFrontPagePins` (./queries.ts); the merge here is pure.
 */

/** The slot of the lead (トップ). */
export const FRONT_PAGE_LEAD_SLOT = 0;

/**
 * Featured places the home layout has besides the lead: the first four
 * headlines of the list beside the lead card (the home page's top block;
 * the section rows below stay automatic). Slots 1…4.
 */
export const FRONT_PAGE_FEATURED_SLOTS = 4;

/** A public article the desk pinned, with its slot. */
export type FrontPagePin = { slot: number; article: ArticleSummary };

type AutomaticLists = {
  /** The newest public articles, newest first: at least `latestCount` plus one per pin, so enough remain after the pinned are taken out. */
  latest: ArticleSummary[];
  /** Each section's newest public articles, likewise with room for the pinned. */
  sections: HomePage['sections'];
};

/**
 * The home page from the desk's pins and the automatic lists. The lead is
 * the pinned one, else the newest; the featured follow in the desk's order,
 * then the newest fill the list to `latestCount` stories in all (lead
 * included). A pinned story appears only where it is pinned: it is taken
 * out of 最新記事 and of its section's row, whose next story moves up.
 */
export function decideFrontPage(
  pins: readonly FrontPagePin[],
  automatic: AutomaticLists,
  { latestCount, sectionCount }: { latestCount: number; sectionCount: number },
): HomePage {
  const pinned = new Set(pins.map((p) => p.article.id));
  const notPinned = (a: ArticleSummary) => !pinned.has(a.id);
  const pinnedLead = pins.find((p) => p.slot === FRONT_PAGE_LEAD_SLOT)?.article ?? null;
  const featured = pins.filter((p) => p.slot > FRONT_PAGE_LEAD_SLOT && p.slot <= FRONT_PAGE_FEATURED_SLOTS).map((p) => p.article);
  const rest = automatic.latest.filter(notPinned);
  const lead = pinnedLead ?? rest.shift() ?? null;
  const latest = rest.slice(0, Math.max(0, latestCount - 1 - featured.length));
  const sections = automatic.sections
    .map(({ section, articles }) => ({ section, articles: articles.filter(notPinned).slice(0, sectionCount) }))
    .filter((s) => s.articles.length > 0);
  return { lead, featured, latest, sections, curated: pins.length > 0 };
}
