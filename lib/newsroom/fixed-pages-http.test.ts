import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/support/database';
import { captureLog } from '../../test/support/log';
import { FIXED_PAGE_DEFAULTS, FIXED_PAGES_ENACTED_AT } from '../site/fixed-page-defaults';
import { createEditor } from './editors';
import { handleFixedPageSave } from './fixed-pages-http';
import { BODY_LIMITS } from './http';
import type { Role } from './roles';
import { TEST_SITE } from '../../test/support/newsroom-context';

/**
 * PUT /api/newsroom/pages/{slug} (app/api/newsroom/pages/[slug]/route.ts
 * hands the request to this handler) on a real database: a 記者 is refused
 * before anything is read; bad input, an unknown page, an oversize body and
 * a stale version are 4xx with a Japanese message and leave the page as it
 * was, with no invalidation; a good save expires the page's tag, and the
 * sitemap's, as a publish does. The session and CSRF guard is
 * lib/newsroom/auth.ts's (route by route in e2e/newsroom-access.spec.ts).
 */

const state = vi.hoisted(() => ({
  conn: undefined as TestDatabase | undefined,
  editorId: '',
  role: 'desk' as Role,
  refuse: null as Response | null,
}));
vi.mock('./context', async () => (await import('../../test/support/newsroom-context')).fakeNewsroomContext(() => state.conn!.db));
vi.mock('./auth', async () => (await import('../../test/support/newsroom-context')).fakeNewsroomGuard(() => state.refuse ?? { id: state.editorId, login: 'desk', name: 'デスク 太郎', role: state.role }));
const revalidateTag = vi.hoisted(() => vi.fn());
vi.mock('next/cache', async (importOriginal) => ({ ...(await importOriginal<object>()), revalidateTag }));
const after = vi.hoisted(() => vi.fn());
vi.mock('next/server', () => ({ after }));

function send(slug: string, body: unknown, { raw = false, headers = {} }: { raw?: boolean; headers?: Record<string, string> } = {}): Promise<Response> {
  return handleFixedPageSave(
    new Request(`${TEST_SITE}/api/newsroom/pages/${slug}`, {
      method: 'PUT',
      headers: { origin: TEST_SITE, 'content-type': 'application/json', 'x-csrf-token': 't', ...headers },
      body: raw ? String(body) : JSON.stringify(body),
    }),
    slug,
  );
}

const terms = async () => state.conn!.db.selectFrom('fixed_pages').select(['title', 'body', 'version', 'updated_by']).where('slug', '=', 'terms').executeTakeFirstOrThrow();
const good = { title: '利用規約', description: 'ご利用の条件。', body: '## 第1条(適用) {#scope}\n\nこの規約は{{会社名}}が定めます。', baseVersion: 1 };
const error = async (response: Response) => ((await response.json()) as { error: string }).error;

describe('PUT /api/newsroom/pages/{slug}', () => {
  let log: ReturnType<typeof captureLog>;
  beforeAll(async () => {
    log = captureLog('info');
    state.conn = await openTestDatabase('sqlite', 'fixed-pages-route', { prepared: true });
    state.editorId = (await createEditor(state.conn.db, { login: 'desk', name: 'デスク 太郎', password: 'a-long-enough-passphrase-1', role: 'desk' })).id;
  }, 60_000);
  afterAll(async () => {
    log?.restore();
    await state.conn?.close();
  });
  beforeEach(async () => {
    state.refuse = null;
    state.role = 'desk';
    await state.conn!.db.updateTable('fixed_pages').set({ ...FIXED_PAGE_DEFAULTS.terms, version: 1, updated_at: FIXED_PAGES_ENACTED_AT, updated_by: null }).where('slug', '=', 'terms').execute();
    await state.conn!.db.deleteFrom('cache_invalidations').execute();
    revalidateTag.mockClear();
    after.mockClear();
  });

  const untouched = async () => {
    expect(await terms()).toEqual({ title: '利用規約', body: FIXED_PAGE_DEFAULTS.terms.body, version: 1, updated_by: null });
    expect(revalidateTag).not.toHaveBeenCalled();
    expect(after).not.toHaveBeenCalled();
  };

  it('saves the desk’s wording, then expires the page’s tag and the sitemap’s as a publish does and re-renders after answering', async () => {
    const response = await send('terms', good);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toMatch(/no-store/);
    expect(await response.json()).toEqual({ version: 2, updatedAt: expect.any(String), updatedBy: 'デスク 太郎' });
    expect(await terms()).toEqual({ title: '利用規約', body: good.body, version: 2, updated_by: state.editorId });
    expect(revalidateTag.mock.calls).toEqual([
      ['fixed-page:terms', 'max'],
      ['fixed-pages', 'max'],
    ]);
    expect(after).toHaveBeenCalledTimes(1);
    const recorded = await state.conn!.db.selectFrom('cache_invalidations').select(['tag', 'expire']).orderBy('tag').execute();
    expect(recorded, 'recorded for the other instances and for a restart').toEqual([
      { tag: 'fixed-page:terms', expire: 'stale' },
      { tag: 'fixed-pages', expire: 'stale' },
    ]);
    expect(log.entries().at(-1)).toMatchObject({ module: 'newsroom', msg: 'fixed page saved', slug: 'terms', version: 2, editorId: state.editorId });
  });

  it('refuses a 記者 with 403 and the reason, before reading the body', async () => {
    state.role = 'reporter';
    const response = await send('terms', good);
    expect(response.status).toBe(403);
    expect(await error(response)).toBe('固定ページ(会社概要・プライバシーポリシー・利用規約・お問い合わせ)を編集できるのはデスクと管理者です。');
    await untouched();
  });

  it('answers a page that is not a fixed page with 404', async () => {
    for (const slug of ['imprint', 'withdrawn', '..%2Fterms', 'Terms']) {
      const response = await send(slug, good);
      expect(response.status, slug).toBe(404);
      expect(await error(response)).toMatch(/そのページはありません/);
    }
    await untouched();
  });

  const bad: [string, unknown, RegExp][] = [
    ['an empty title', { ...good, title: ' 　 ' }, /^タイトルを入力してください。$/],
    ['an overlong title', { ...good, title: '題'.repeat(41) }, /タイトルは40字以内にしてください\(いま41字\)/],
    ['an empty body', { ...good, body: '\n\n' }, /本文を入力してください/],
    ['an unknown place', { ...good, body: '{{社名}}が定めます。' }, /\{\{社名\}\} という差し込み項目はありません/],
    ['a block place in a sentence', { ...good, body: '詳しくは{{会社情報}}を' }, /1行に単独で書いてください/],
    ['a body of 50,001 字', { ...good, body: 'あ'.repeat(50_001) }, /本文は記号を含めて50,000字以内にしてください\(いま50,001字\)/],
    ['a missing version', { title: '利用規約', description: '', body: '本文' }, /入力内容を確認してください/],
    ['a body that is not text', { ...good, body: 42 }, /入力内容を確認してください/],
  ];

  it.each(bad)('answers %s with 400 and a Japanese message, saving and invalidating nothing', async (_, body, message) => {
    const response = await send('terms', body);
    expect(response.status).toBe(400);
    expect(await error(response)).toMatch(message);
    await untouched();
  });

  it('answers a body that is not JSON with 400 and saves nothing', async () => {
    const response = await send('terms', '{"title": ', { raw: true });
    expect(response.status).toBe(400);
    expect(await error(response)).toMatch(/読み取れませんでした/);
    await untouched();
  });

  it('refuses a body over its limit with 413 and says what the limit is', async () => {
    const response = await send('terms', { ...good, body: 'あ'.repeat(BODY_LIMITS.fixedPage) });
    expect(response.status).toBe(413);
    expect(await error(response)).toMatch(/本文は記号を含めて50,000字以内/);
    await untouched();
  });

  it('refuses a save over a version saved since with 409, handing back that version; nothing is written', async () => {
    expect((await send('terms', good)).status).toBe(200);
    revalidateTag.mockClear();
    after.mockClear();
    const response = await send('terms', { ...good, body: '遅れて保存した本文。' });
    expect(response.status).toBe(409);
    const answer = (await response.json()) as { error: string; current: Record<string, unknown> };
    expect(answer.error).toMatch(/デスク 太郎さんがこのページを先に保存しました\(第2版\)/);
    expect(answer.current).toEqual({ title: '利用規約', description: 'ご利用の条件。', body: good.body, version: 2, updatedAt: expect.any(String), updatedBy: 'デスク 太郎' });
    expect((await terms()).body).toBe(good.body);
    expect(revalidateTag).not.toHaveBeenCalled();
  });

  it('passes on the guard’s refusal and saves nothing', async () => {
    state.refuse = Response.json({ error: 'サインインしてください。' }, { status: 401 });
    expect((await send('terms', good)).status).toBe(401);
    await untouched();
  });
});
