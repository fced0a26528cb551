import { describe, expect, it } from 'vitest';
import { demoArticles } from './demo/articles';

/**
 * Issue 16: the same circuit board on eleven stories made the demo look like a
 * toy. Every hero is drawn afresh from its article's key, but a reader still
 * recognises the scene, so no picture family may head more articles than this.
 */
const MAX_HEROES_PER_MOTIF = 6;

describe('demo article heroes', () => {
  it(`use no motif for more than ${MAX_HEROES_PER_MOTIF} articles`, () => {
    const uses = new Map<string, string[]>();
    for (const a of demoArticles) uses.set(a.hero.motif, [...(uses.get(a.hero.motif) ?? []), a.key]);
    // Listing the keys makes a failure say which stories to give another picture.
    const overused = Object.fromEntries([...uses].filter(([, keys]) => keys.length > MAX_HEROES_PER_MOTIF));
    expect(overused).toEqual({});
  });
});
