import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { insertTestArticles, openTestDatabase, type TestDatabase } from '../../test/support/database';
import { captureLog } from '../../test/support/log';
import { createEditor } from './editors';
import { handleFrontPageSave } from './front-page-http';
import { TEST_SITE } from '../../test/support/newsroom-context';

/**
 * POST /api/newsroom/front-page (app/api/newsroom/front-page/route.ts hands
 * the request to this handler) on a real database: bad input is a 400 with
 * a Japanese message and leaves the saved front page as it was, with no
 * invalidation; a good one is saved and expires the home page's tag as a
 * publish does. The session and CSRF guard is lib/newsroom/auth.ts's
 * (tested there and route by route in e2e/newsroom-access.spec.ts); here it
 * lets the desk through, or refuses like it.
 */

const state = vi.hoisted(() => ({
  conn: undefined as TestDatabase | undefined,
  editorId: '',
  refuse: null as Response | null,
}));
vi.mock('./context', async () => (await import('../../test/support/newsroom-context')).fakeNewsroomContext(() => state.conn!.db));
vi.mock('./auth', async () => (await import('../../test/support/newsroom-context')).fakeNewsroomGuard(() => state.refuse ?? { id: state.editorId, login: 'desk', name: 'デスク 太郎', role: 'desk' }));
const revalidateTag = vi.hoisted(() => vi.fn());
vi.mock('next/cache', async (importOriginal) => ({ ...(await importOriginal<object>()), revalidateTag }));
const after = vi.hoisted(() => vi.fn());
vi.mock('next/server', () => ({ after }));

const NOW = Date.now();
const HOUR = 3_600_000;
const id = (letter: string) => `${letter.repeat(4)}2345`;
const [OLD, NEW, OTHER] = [id('a'), id('b'), id('c')] as [string, string, string];
const DRAFT = id('d');

function send(body: unknown, raw = false): Promise<Response> {
  return handleFrontPageSave(
    new Request(`${TEST_SITE}/api/newsroom/front-page`, {
      method: 'POST',
      headers: { origin: TEST_SITE, 'content-type': 'application/json', 'x-csrf-token': 't' },
      body: raw ? String(body) : JSON.stringify(body),
    }),
  );
}

const saved = async () => (await state.conn!.db.selectFrom('front_page_slots').select(['slot', 'article_id']).orderBy('slot').execute()).map((r) => `${r.slot}:${r.article_id}`);

describe('POST /api/newsroom/front-page', () => {
  let log: ReturnType<typeof captureLog>;
  beforeAll(async () => {
    log = captureLog('info');
    state.conn = await openTestDatabase('sqlite', 'front-page-route', { prepared: true });
    state.editorId = (await createEditor(state.conn.db, { login: 'desk', name: 'デスク 太郎', password: 'a-long-enough-passphrase-1', role: 'desk' })).id;
    await insertTestArticles(state.conn, [
      { id: OLD, headline: '三日前の特報', publishedAt: new Date(NOW - 72 * HOUR) },
      { id: NEW, headline: '最新の記事', publishedAt: new Date(NOW - HOUR) },
      { id: OTHER, headline: '別の記事', publishedAt: new Date(NOW - 2 * HOUR) },
      { id: DRAFT, headline: '下書きの記事', status: 'draft', publishedAt: new Date(NOW - HOUR) },
    ]);
  }, 60_000);
  afterAll(async () => {
    log?.restore();
    await state.conn?.close();
  });
  beforeEach(async () => {
    state.refuse = null;
    await state.conn!.db.deleteFrom('front_page_slots').execute();
    await state.conn!.db.insertInto('front_page_slots').values({ slot: 0, article_id: OTHER, pinned_by: state.editorId, pinned_at: new Date().toISOString() }).execute();
    revalidateTag.mockClear();
    after.mockClear();
  });

  it('saves the desk’s lead and featured, then expires the home page’s tag as a publish does and re-renders it after answering', async () => {
    const response = await send({ lead: OLD, featured: [NEW] });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toMatch(/no-store/);
    expect(await response.json()).toEqual({ lead: OLD, featured: [NEW] });
    expect(await saved()).toEqual([`0:${OLD}`, `1:${NEW}`]);
    expect(revalidateTag.mock.calls).toEqual([['front-page', 'max']]);
    expect(after).toHaveBeenCalledTimes(1);
    const recorded = await state.conn!.db.selectFrom('cache_invalidations').select(['tag', 'expire']).where('tag', '=', 'front-page').execute();
    expect(recorded, 'recorded for the other instances and for a restart').toEqual([{ tag: 'front-page', expire: 'stale' }]);
    expect(log.entries().at(-1)).toMatchObject({ module: 'newsroom', msg: 'front page saved', editorId: state.editorId, lead: OLD, featured: [NEW] });
  });

  it('unpins everything with an empty arrangement', async () => {
    expect((await send({ lead: null, featured: [] })).status).toBe(200);
    expect(await saved()).toEqual([]);
  });

  const bad: [string, unknown, RegExp][] = [
    ['an unknown id', { lead: 'zzzz2345', featured: [] }, /記事が見つかりません/],
    ['a draft', { lead: null, featured: [DRAFT] }, /「下書きの記事」は下書きのため、トップページに置けません/],
    ['a duplicate', { lead: NEW, featured: [NEW] }, /「最新の記事」が二つの枠に入っています/],
    ['too many featured', { lead: null, featured: [OLD, NEW, OTHER, DRAFT, 'eeee2345'] }, /注目記事は4本までです/],
    ['a missing field', { lead: OLD }, /入力内容を確認してください/],
    ['a number for an id', { lead: 42, featured: [] }, /入力内容を確認してください/],
  ];

  it.each(bad)('answers %s with 400 and a Japanese message, saving and invalidating nothing', async (_, body, message) => {
    const response = await send(body);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(message);
    expect(await saved()).toEqual([`0:${OTHER}`]);
    expect(revalidateTag).not.toHaveBeenCalled();
    expect(after).not.toHaveBeenCalled();
  });

  it('answers a body that is not JSON with 400 and saves nothing', async () => {
    const response = await send('{"lead": ', true);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(/読み取れませんでした/);
    expect(await saved()).toEqual([`0:${OTHER}`]);
  });

  it('passes on the guard’s refusal and saves nothing', async () => {
    state.refuse = Response.json({ error: 'サインインしてください。' }, { status: 401 });
    const response = await send({ lead: OLD, featured: [] });
    expect(response.status).toBe(401);
    expect(await saved()).toEqual([`0:${OTHER}`]);
    expect(revalidateTag).not.toHaveBeenCalled();
  });
});
