import { describe, expect, it } from 'vitest';
import { LISTING_PAGE_SIZE } from '../content/queries';
import { demoArticles } from './demo/articles';
import { resolveDemoPublishedAt } from './demo-time';

/**
 * Issue 16: the same circuit board on eleven stories made the demo look like a
 * toy. Every hero is drawn afresh from its article's key, but a reader still
 * recognises the scene, so no picture family may head more articles than this.
 */
const MAX_HEROES_PER_MOTIF = 3;

/** Public demo articles of each section, newest first, as the section page lists them when the seed ran at `now`. */
function sectionListings(now: Date): Map<string, { key: string; motif: string }[]> {
  const listings = new Map<string, { key: string; motif: string; at: number }[]>();
  for (const a of demoArticles) {
    const at = resolveDemoPublishedAt(a.published, now).getTime();
    if (a.status || at > now.getTime()) continue;
    listings.set(a.section, [...(listings.get(a.section) ?? []), { key: a.key, motif: a.hero.motif, at }]);
  }
  return new Map([...listings].map(([section, items]) => [section, items.sort((x, y) => y.at - x.at)]));
}

describe('demo article heroes', () => {
  it(`use no motif for more than ${MAX_HEROES_PER_MOTIF} articles`, () => {
    const uses = new Map<string, string[]>();
    for (const a of demoArticles) uses.set(a.hero.motif, [...(uses.get(a.hero.motif) ?? []), a.key]);
    // Listing the keys makes a failure say which stories to give another picture.
    const overused = Object.fromEntries([...uses].filter(([, keys]) => keys.length > MAX_HEROES_PER_MOTIF));
    expect(overused).toEqual({});
  });

  // The home page shows each section's newest four and the section page its first twenty, as cards side by side:
  // two neighbours with the same scene is what a reader notices. "Hours ago" stories move past "days ago" ones
  // with the hour the seed runs, so every hour of a day is tried.
  it('never put the same motif on two neighbouring cards of a section listing, whatever hour the seed runs', () => {
    const clashes = new Set<string>();
    for (let hour = 0; hour < 24; hour++) {
      const now = new Date(Date.UTC(2026, 2, 10, hour, 17));
      for (const [section, items] of sectionListings(now)) {
        const page = items.slice(0, LISTING_PAGE_SIZE);
        for (let i = 1; i < page.length; i++) {
          const [a, b] = [page[i - 1], page[i]];
          if (a && b && a.motif === b.motif) clashes.add(`${section}: ${a.key} / ${b.key} (${a.motif})`);
        }
      }
    }
    expect([...clashes]).toEqual([]);
  });

  it('give an inline figure a different motif from its own hero', () => {
    const repeats = demoArticles.flatMap((a) =>
      [...a.body.matchAll(/^::figure\[[^\]]*\]\{[^}]*motif="([a-z]+)"/gm)].filter((m) => m[1] === a.hero.motif).map(() => `${a.key} (${a.hero.motif})`),
    );
    expect(repeats).toEqual([]);
  });
});
