import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CACHE_TAGS } from '../cache/tags';
import { getHomePage } from '../content/queries';
import { insertTestArticles, openTestDatabase, TEST_ENGINES, type TestDatabase } from '../../test/support/database';
import { createEditor } from './editors';
import { canCurateFrontPage, FrontPageError, getFrontPageDesk, saveFrontPage } from './front-page';

/**
 * The desk's front-page command on both databases: all or nothing, only
 * public articles, each once, at most four featured; and what the desk's
 * page shows of pins that dropped out.
 */

const NOW = new Date('2026-12-05T03:00:00Z');
const HOUR = 3_600_000;
const id = (letter: string) => `${letter.repeat(4)}2345`;
const [A, B, C, D, E, F] = ['a', 'b', 'c', 'd', 'e', 'f'].map(id) as [string, string, string, string, string, string];
const DRAFT = id('g');
const SCHEDULED = id('h');
const WITHDRAWN = id('j');

describe.each(TEST_ENGINES)('saveFrontPage on %s', (engine) => {
  let conn: TestDatabase;
  let editorId: string;

  beforeAll(async () => {
    conn = await openTestDatabase(engine, 'front-page-save', { prepared: true });
    editorId = (await createEditor(conn.db, { login: 'desk', name: 'デスク 太郎', password: 'a-long-enough-passphrase-1' })).id;
    await insertTestArticles(conn, [
      ...[A, B, C, D, E, F].map((articleId, n) => ({ id: articleId, headline: `記事${n + 1}`, publishedAt: new Date(NOW.getTime() - (n + 1) * HOUR) })),
      { id: DRAFT, headline: '書きかけの記事', status: 'draft' as const, publishedAt: new Date(NOW.getTime() - HOUR) },
      { id: SCHEDULED, headline: '予約した記事', status: 'scheduled' as const, publishedAt: new Date(NOW.getTime() + HOUR) },
      { id: WITHDRAWN, headline: '取り下げた記事', status: 'unpublished' as const, publishedAt: new Date(NOW.getTime() - 2 * HOUR) },
    ]);
  }, 60_000);
  afterAll(() => conn?.close());
  beforeEach(() => conn.db.deleteFrom('front_page_slots').execute());

  const slots = async () =>
    (await conn.db.selectFrom('front_page_slots').select(['slot', 'article_id', 'pinned_by']).orderBy('slot').execute()).map((r) => [
      Number(r.slot),
      r.article_id,
      r.pinned_by,
    ]);

  it('stores the lead in slot 0 and the featured after it, and names the home page’s tag to invalidate', async () => {
    const result = await saveFrontPage(conn.db, { editorId, lead: E, featured: [C, A] }, NOW);
    expect(result.invalidate).toEqual([CACHE_TAGS.frontPage]);
    expect(await slots()).toEqual([
      [0, E, editorId],
      [1, C, editorId],
      [2, A, editorId],
    ]);
    const home = await getHomePage(conn.db, NOW);
    expect([home.lead?.id, ...home.featured.map((a) => a.id)]).toEqual([E, C, A]);
  });

  it('replaces the whole arrangement: a new order, and unpinning everything', async () => {
    await saveFrontPage(conn.db, { editorId, lead: E, featured: [C, A] }, NOW);
    await saveFrontPage(conn.db, { editorId, lead: null, featured: [A, C] }, NOW);
    expect(await slots()).toEqual([
      [1, A, editorId],
      [2, C, editorId],
    ]);
    await saveFrontPage(conn.db, { editorId, lead: null, featured: [] }, NOW);
    expect(await slots()).toEqual([]);
    expect((await getHomePage(conn.db, NOW)).lead?.id).toBe(A);
  });

  const refusals: [string, { lead: string | null; featured: string[] }, RegExp][] = [
    ['an unknown id', { lead: 'zzzz2345', featured: [] }, /記事が見つかりません/],
    ['a malformed id', { lead: null, featured: ['../../etc'] }, /記事が見つかりません/],
    ['a draft', { lead: DRAFT, featured: [] }, /「書きかけの記事」は下書きのため、トップページに置けません。公開中の記事だけを置けます。/],
    ['a scheduled story', { lead: null, featured: [SCHEDULED] }, /「予約した記事」は公開予約中のため/],
    ['a withdrawn story', { lead: null, featured: [WITHDRAWN] }, /「取り下げた記事」は非公開のため/],
    ['the same story twice', { lead: A, featured: [B, A] }, /「記事1」が二つの枠に入っています/],
    ['too many featured', { lead: null, featured: [A, B, C, D, E] }, /注目記事は4本までです/],
  ];

  it.each(refusals)('refuses %s with a Japanese reason and keeps what was saved', async (_, choice, message) => {
    await saveFrontPage(conn.db, { editorId, lead: F, featured: [B] }, NOW);
    const error = await saveFrontPage(conn.db, { editorId, ...choice }, NOW).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FrontPageError);
    expect((error as FrontPageError).status).toBe(400);
    expect((error as Error).message).toMatch(message);
    expect(await slots()).toEqual([
      [0, F, editorId],
      [1, B, editorId],
    ]);
  });

  it('accepts four featured stories and a lead', async () => {
    await saveFrontPage(conn.db, { editorId, lead: E, featured: [A, B, C, D] }, NOW);
    expect((await slots()).map(([slot]) => slot)).toEqual([0, 1, 2, 3, 4]);
  });

  it('shows the desk a pin that left public view, and the home page as readers get it without it', async () => {
    await saveFrontPage(conn.db, { editorId, lead: D, featured: [B] }, NOW);
    await conn.db.updateTable('articles').set({ status: 'unpublished' }).where('id', '=', D).execute();
    try {
      const desk = await getFrontPageDesk(conn.db, NOW);
      expect(desk.lead).toMatchObject({ id: D, visible: false, status: 'unpublished' });
      expect(desk.featured).toEqual([expect.objectContaining({ id: B, visible: true })]);
      expect(desk.home.slice(0, 2)).toEqual([
        { article: expect.objectContaining({ id: A }), pinned: false },
        { article: expect.objectContaining({ id: B }), pinned: true },
      ]);
      expect(desk.candidates.map((c) => c.id)).toEqual([A, B, C, E, F]);
      expect(desk.featuredSlots).toBe(4);
      expect(desk.savedBy).toEqual({ name: 'デスク 太郎', at: NOW.toISOString() });
    } finally {
      await conn.db.updateTable('articles').set({ status: 'published' }).where('id', '=', D).execute();
    }
  });
});

describe('canCurateFrontPage', () => {
  it('lets デスク and 管理者 curate, not 記者', () => {
    expect(canCurateFrontPage({ role: 'desk' })).toBe(true);
    expect(canCurateFrontPage({ role: 'admin' })).toBe(true);
    expect(canCurateFrontPage({ role: 'reporter' })).toBe(false);
  });
});
