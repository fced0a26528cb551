import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { insertTestArticles, openTestDatabase, TEST_ENGINES, type TestDatabase } from '../../test/support/database';
import { decideFrontPage, FRONT_PAGE_FEATURED_SLOTS, type FrontPagePin } from './front-page';
import { getHomePage, HOME_LATEST_COUNT, HOME_SECTION_COUNT } from './queries';
import type { ArticleSummary, HomePage } from './types';

/**
 * The home page with the desk's pins (docs/adr/0033-front-page.md): the
 * pinned lead and featured stories in the desk's order, each shown once,
 * the rest newest first, and a pin that leaves public view dropping out.
 */

const NOW = new Date('2026-12-05T03:00:00Z');
const HOUR = 3_600_000;
const LETTERS = 'abcdefghjkmnpqrstuvwxyz';
/** Article n (0 the newest), published n hours ago: `aaaa2345`, `bbbb2345`, … */
const id = (n: number) => `${LETTERS[n]!.repeat(4)}2345`;
const PUBLISHED = 18;

const ids = (list: { id: string }[]) => list.map((a) => a.id);
const shown = (home: HomePage) => [home.lead, ...home.featured, ...home.latest].flatMap((a) => (a ? [a.id] : []));

describe('decideFrontPage', () => {
  const card = (n: number) => ({ id: id(n) }) as ArticleSummary;
  const automatic = (count: number) => ({
    latest: Array.from({ length: count }, (_, n) => card(n)),
    sections: [{ section: { slug: 'world', name: 'ワールド' }, articles: Array.from({ length: count }, (_, n) => card(n)) }],
  });
  const sizes = { latestCount: 5, sectionCount: 3 };

  it('without pins is the automatic page: the newest as lead, the next ones beside it', () => {
    const home = decideFrontPage([], automatic(8), sizes);
    expect(home.lead?.id).toBe(id(0));
    expect(home.featured).toEqual([]);
    expect(ids(home.latest)).toEqual([id(1), id(2), id(3), id(4)]);
    expect(ids(home.sections[0]!.articles)).toEqual([id(0), id(1), id(2)]);
    expect(home.curated).toBe(false);
  });

  it('puts the pinned lead first and the featured in slot order, and shows each pinned story once', () => {
    const pins: FrontPagePin[] = [
      { slot: 0, article: card(6) },
      { slot: 1, article: card(2) },
      { slot: 2, article: card(7) },
    ];
    const home = decideFrontPage(pins, automatic(8), sizes);
    expect(home.lead?.id).toBe(id(6));
    expect(ids(home.featured)).toEqual([id(2), id(7)]);
    // Five in all beside and including the lead; the newest is no longer the lead but stays in the list.
    expect(ids(home.latest)).toEqual([id(0), id(1)]);
    expect(ids(home.sections[0]!.articles)).toEqual([id(0), id(1), id(3)]);
    expect(new Set(shown(home)).size).toBe(shown(home).length);
    expect(home.curated).toBe(true);
  });

  it('leaves the lead to the automatic order when only featured stories are pinned', () => {
    const home = decideFrontPage([{ slot: 1, article: card(0) }], automatic(8), sizes);
    expect(home.lead?.id).toBe(id(1));
    expect(ids(home.featured)).toEqual([id(0)]);
    expect(ids(home.latest)).toEqual([id(2), id(3), id(4)]);
  });

  it('drops a section row that only the pinned stories filled', () => {
    const home = decideFrontPage([{ slot: 0, article: card(0) }], automatic(1), sizes);
    expect(home.lead?.id).toBe(id(0));
    expect(home.latest).toEqual([]);
    expect(home.sections).toEqual([]);
  });
});

describe.each(TEST_ENGINES)('the home page with pins on %s', (engine) => {
  let conn: TestDatabase;

  beforeAll(async () => {
    conn = await openTestDatabase(engine, 'front-page-home', { prepared: true });
    await insertTestArticles(conn, [
      ...Array.from({ length: PUBLISHED }, (_, n) => ({ id: id(n), publishedAt: new Date(NOW.getTime() - (n + 1) * HOUR) })),
      { id: id(20), status: 'draft' as const, publishedAt: new Date(NOW.getTime() - HOUR / 2) },
      { id: id(21), status: 'scheduled' as const, publishedAt: new Date(NOW.getTime() + HOUR) },
    ]);
  }, 60_000);
  afterAll(() => conn?.close());
  beforeEach(async () => {
    await conn.db.deleteFrom('front_page_slots').execute();
    await conn.db.updateTable('articles').set({ status: 'published' }).where('id', '=', id(10)).execute();
  });

  const pin = (slots: [slot: number, n: number][]) =>
    conn.db
      .insertInto('front_page_slots')
      .values(slots.map(([slot, n]) => ({ slot, article_id: id(n), pinned_by: null, pinned_at: NOW.toISOString() })))
      .execute();

  it('is newest first with nothing pinned', async () => {
    const home = await getHomePage(conn.db, NOW);
    expect(home.lead?.id).toBe(id(0));
    expect(home.featured).toEqual([]);
    expect(ids(home.latest)).toEqual(Array.from({ length: HOME_LATEST_COUNT - 1 }, (_, n) => id(n + 1)));
    expect(home.curated).toBe(false);
  });

  it('shows an older pinned story as the lead and the featured in the desk’s order, each once on the page', async () => {
    await pin([
      [0, 10],
      [1, 14],
      [2, 3],
    ]);
    const home = await getHomePage(conn.db, NOW);
    expect(home.lead?.id).toBe(id(10));
    expect(ids(home.featured)).toEqual([id(14), id(3)]);
    // The list beside the lead keeps its length; the pinned are not repeated in it or in the section row.
    expect(shown(home)).toHaveLength(HOME_LATEST_COUNT);
    expect(ids(home.latest)).toEqual([0, 1, 2, 4, 5, 6, 7, 8, 9].map(id));
    expect(ids(home.sections[0]!.articles)).toEqual([0, 1, 2, 4].map(id));
    expect(home.sections[0]!.articles).toHaveLength(HOME_SECTION_COUNT);
    expect(home.curated).toBe(true);
  });

  it('returns to the automatic order when the pins are removed', async () => {
    await pin([[0, 10]]);
    expect((await getHomePage(conn.db, NOW)).lead?.id).toBe(id(10));
    await conn.db.deleteFrom('front_page_slots').execute();
    const home = await getHomePage(conn.db, NOW);
    expect(home.lead?.id).toBe(id(0));
    expect(home.curated).toBe(false);
  });

  it('drops a pinned story that is unpublished, and never shows a pinned draft or scheduled story', async () => {
    await pin([
      [0, 10],
      [1, 20],
      [2, 21],
      [3, 5],
    ]);
    await conn.db.updateTable('articles').set({ status: 'unpublished' }).where('id', '=', id(10)).execute();
    const home = await getHomePage(conn.db, NOW);
    expect(home.lead?.id, 'the newest fills the lead').toBe(id(0));
    expect(ids(home.featured)).toEqual([id(5)]);
    expect(shown(home)).not.toContain(id(10));
    expect(shown(home)).not.toContain(id(20));
    expect(shown(home)).not.toContain(id(21));
    expect(home.sections.flatMap((s) => ids(s.articles))).not.toContain(id(10));
  });

  it('ignores a slot past the layout’s featured places', async () => {
    await pin([[FRONT_PAGE_FEATURED_SLOTS + 1, 12]]);
    const home = await getHomePage(conn.db, NOW);
    expect(home.featured).toEqual([]);
    expect(home.curated).toBe(false);
    expect(home.lead?.id).toBe(id(0));
  });
});
