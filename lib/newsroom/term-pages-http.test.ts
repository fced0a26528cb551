import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/support/database';
import { captureLog } from '../../test/support/log';
import type { Role } from './roles';
import { handleTermCreate, handleTermDelete, handleTermSave } from './term-pages-http';
import { TERM_PAGE_BODY_LIMIT } from './term-pages-rules';
import { TEST_SITE } from '../../test/support/newsroom-context';

/**
 * The routes of 特集・連載・筆者 (app/api/newsroom/terms/…, which hand the
 * request to these handlers) on a real database, route by role: a 記者 is
 * refused (403, in Japanese) before the body is read or the database
 * reached; a デスク or 管理者 saves, and the pages that show the change are
 * expired on every instance (recorded and re-rendered after the answer).
 * Bad input is a 400 that says what to fix and changes nothing; hostile
 * input a 4xx. The session and CSRF guard is lib/newsroom/auth.ts's (tested
 * there and route by route in e2e/newsroom-access.spec.ts).
 */

const state = vi.hoisted(() => ({ conn: undefined as TestDatabase | undefined, role: 'desk' as Role, refuse: null as Response | null, dbTouched: 0 }));
vi.mock('./context', async () =>
  (await import('../../test/support/newsroom-context')).fakeNewsroomContext(() => {
    state.dbTouched++;
    return state.conn!.db;
  }),
);
vi.mock('./auth', async () => (await import('../../test/support/newsroom-context')).fakeNewsroomGuard(() => state.refuse ?? { id: 'e1', login: 'someone', name: '誰か', role: state.role }));
const revalidateTag = vi.hoisted(() => vi.fn());
vi.mock('next/cache', async (importOriginal) => ({ ...(await importOriginal<object>()), revalidateTag }));
const after = vi.hoisted(() => vi.fn());
vi.mock('next/server', () => ({ after }));

function request(method: string, path: string, body?: unknown, raw = false): Request {
  return new Request(`${TEST_SITE}${path}`, {
    method,
    headers: { origin: TEST_SITE, 'content-type': 'application/json', 'x-csrf-token': 't' },
    body: body === undefined ? undefined : raw ? String(body) : JSON.stringify(body),
  });
}
const create = (kind: string, body: unknown, raw = false) => handleTermCreate(request('POST', `/api/newsroom/terms/${kind}`, body, raw), kind);
const save = (kind: string, slug: string, body: unknown, raw = false) => handleTermSave(request('PUT', `/api/newsroom/terms/${kind}/${slug}`, body, raw), kind, slug);
const remove = (kind: string, slug: string) => handleTermDelete(request('POST', `/api/newsroom/terms/${kind}/${slug}/delete`, {}), kind, slug);
const errorOf = async (response: Response) => ((await response.json()) as { error: string }).error;

const author = (fields: Partial<{ name: string; role: string; profile: string; portraitSrc: string | null }> = {}) => ({
  name: '伊東さやか',
  role: '経済部記者',
  profile: '',
  portraitSrc: null,
  ...fields,
});
const stored = async () => state.conn!.db.selectFrom('authors').select(['name', 'role', 'profile']).where('slug', '=', 'ito-sayaka').executeTakeFirst();

describe('the routes of 特集・連載・筆者', () => {
  let log: ReturnType<typeof captureLog>;
  beforeAll(async () => {
    log = captureLog('info');
    state.conn = await openTestDatabase('sqlite', 'term-pages-http', { prepared: true });
  }, 60_000);
  afterAll(async () => {
    log?.restore();
    await state.conn?.close();
  });
  beforeEach(async () => {
    state.role = 'desk';
    state.refuse = null;
    state.dbTouched = 0;
    await state.conn!.db.deleteFrom('authors').execute();
    await state.conn!.db.insertInto('authors').values({ slug: 'ito-sayaka', name: '伊東さやか', role: '経済部記者' }).execute();
    revalidateTag.mockClear();
    after.mockClear();
  });

  it.each(['desk', 'admin'] as const)('lets a %s save an author’s profile, expiring their page on every instance and re-rendering it after answering', async (role) => {
    state.role = role;
    const response = await save('authors', 'ito-sayaka', author({ profile: '経済部で金融を担当。' }));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toMatch(/no-store/);
    expect(await response.json()).toEqual({ kind: 'authors', slug: 'ito-sayaka', changed: true });
    expect((await stored())?.profile).toBe('経済部で金融を担当。');
    expect(revalidateTag.mock.calls).toEqual([['author:ito-sayaka', 'max']]);
    const recorded = await state.conn!.db.selectFrom('cache_invalidations').select('tag').where('tag', '=', 'author:ito-sayaka').execute();
    expect(recorded, 'recorded for the other instances and for a restart').toHaveLength(1);
    expect(after).toHaveBeenCalledTimes(1);
    expect(log.entries().at(-1)).toMatchObject({ module: 'newsroom', msg: 'term page changed', command: 'term-save', kind: 'authors', slug: 'ito-sayaka' });
  });

  it('refuses a 記者 every command with 403 and the reason, before reading the body or reaching the database', async () => {
    state.role = 'reporter';
    for (const response of [
      await save('authors', 'ito-sayaka', author({ profile: '記者が書き換えようとしたプロフィール' })),
      await create('topics', { slug: 'reporter-topic', name: '記者の特集', description: '' }),
      await remove('authors', 'ito-sayaka'),
    ]) {
      expect(response.status).toBe(403);
      expect(await errorOf(response)).toBe('特集・連載・筆者の編集はデスクと管理者が行います。直したいところはデスクに伝えてください。');
    }
    expect(state.dbTouched).toBe(0);
    expect((await stored())?.profile).toBe('');
    expect(revalidateTag).not.toHaveBeenCalled();
  });

  it('passes on the guard’s refusal (signed out, cross-site, bad token) and changes nothing', async () => {
    state.refuse = Response.json({ error: 'サインインしてください。' }, { status: 401 });
    expect((await save('authors', 'ito-sayaka', author({ profile: '外から' }))).status).toBe(401);
    expect((await stored())?.profile).toBe('');
  });

  it('creates a topic at the address given, answering where to edit it, and expires a 404 a reader may have had there', async () => {
    const response = await create('topics', { slug: 'Harbor-Town', name: '港町の再生', description: '人口減少と向き合う港町' });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ kind: 'topics', slug: 'harbor-town', path: '/newsroom/terms/topics/harbor-town' });
    expect(revalidateTag.mock.calls).toEqual([['topic:harbor-town', 'max']]);
    const again = await create('topics', { slug: 'harbor-town', name: '別の名前', description: '' });
    expect(again.status).toBe(409);
    expect(await errorOf(again)).toMatch(/URL「harbor-town」の特集はすでにあります/);
  });

  const bad: [string, () => Promise<Response>, number, RegExp][] = [
    ['an empty name', () => save('authors', 'ito-sayaka', author({ name: ' ', profile: '消えてはいけない下書き' })), 400, /^名前を入力してください。$/],
    ['a profile over 1,000 characters', () => save('authors', 'ito-sayaka', author({ profile: 'あ'.repeat(1200) })), 400, /^プロフィール:1000文字以内で入力してください。$/],
    ['a changed slug', () => save('authors', 'ito-sayaka', { ...author(), slug: 'ito-s' }), 400, /URL\(英字の名前\)は作成後は変えられません/],
    ['a Japanese slug for a new term', () => create('series', { slug: '港町', name: '港町', description: '', sponsored: false, sponsorName: '' }), 400, /半角の英小文字/],
    ['a sponsored series with no sponsor', () => create('series', { slug: 'pr-series', name: 'PR連載', description: '', sponsored: true, sponsorName: '' }), 400, /提供元\(スポンサー名\)が必要です/],
    ['an unknown slug', () => save('authors', 'no-such-author', author()), 404, /その筆者は見つかりません/],
    ['a slug no term can have', () => save('authors', '..%2F..', author()), 404, /その筆者は見つかりません/],
    ['an unknown kind', () => save('sections', 'world', { name: 'ワールド' }), 404, /特集\(トピック\)・連載・筆者/],
    ['a portrait not in the library', () => save('authors', 'ito-sayaka', author({ portraitSrc: '/media/uploads/2026/12/none.webp' })), 400, /写真ライブラリにありません/],
    ['a body that is not JSON', () => save('authors', 'ito-sayaka', '{"name": ', true), 400, /読み取れませんでした/],
    ['an array', () => save('authors', 'ito-sayaka', [author()]), 400, /^入力内容を確認してください。$/],
    ['a field no form sends', () => save('authors', 'ito-sayaka', { ...author(), role: '経済部記者', admin: true }), 400, /^入力内容を確認してください。$/],
    ['numbers for words', () => save('authors', 'ito-sayaka', { name: 1, role: 2, profile: 3, portraitSrc: 4 }), 400, /^入力内容を確認してください。$/],
  ];

  it.each(bad)('answers %s with a Japanese message and changes and expires nothing', async (_, send, status, message) => {
    const before = await stored();
    const response = await send();
    expect(response.status).toBe(status);
    expect(await errorOf(response)).toMatch(message);
    expect(await stored()).toEqual(before);
    expect(revalidateTag).not.toHaveBeenCalled();
    expect(after).not.toHaveBeenCalled();
  });

  it('refuses a body over its limit with 413 before the fields are looked at', async () => {
    const response = await save('authors', 'ito-sayaka', author({ profile: 'x'.repeat(TERM_PAGE_BODY_LIMIT) }));
    expect(response.status).toBe(413);
    expect((await stored())?.profile).toBe('');
  });

  it('refuses to delete an author with a byline, saying why in Japanese, and deletes one with none', async () => {
    await state.conn!.db.insertInto('sections').values({ slug: 'world', name: 'ワールド', description: '', position: 0 }).onConflict((oc) => oc.doNothing()).execute();
    const at = new Date().toISOString();
    await state.conn!.db
      .insertInto('articles')
      .values({ id: 'abcd2345', status: 'draft', headline: '書きかけ', body: '', section_slug: 'world', sponsored: 0, published_at: null, updated_at: at, created_at: at })
      .onConflict((oc) => oc.doNothing())
      .execute();
    await state.conn!.db.insertInto('article_authors').values({ article_id: 'abcd2345', author_slug: 'ito-sayaka', position: 0 }).execute();
    const refused = await remove('authors', 'ito-sayaka');
    expect(refused.status).toBe(409);
    expect(await errorOf(refused)).toBe('筆者「伊東さやか」は記事1本(下書きなど1本)で使われているため削除できません。各記事の署名から外してから削除してください。');
    expect(await stored()).toBeDefined();
    await state.conn!.db.deleteFrom('article_authors').execute();

    const deleted = await remove('authors', 'ito-sayaka');
    expect(deleted.status).toBe(200);
    expect(await stored()).toBeUndefined();
    expect(revalidateTag.mock.calls).toEqual([['author:ito-sayaka', 'max']]);
    expect((await remove('authors', 'ito-sayaka')).status).toBe(404);
  });
});
