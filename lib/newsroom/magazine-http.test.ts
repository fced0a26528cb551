import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { insertTestArticles, openTestDatabase, type TestDatabase } from '../../test/support/database';
import { captureLog } from '../../test/support/log';
import { toJstDay } from '../time/jst';
import { createEditor } from './editors';
import { addDays } from './magazine-rules';
import { handleIssueCreate, handleIssueSave, handlePublicationCreate, handlePublicationSave } from './magazine-http';
import { TEST_SITE } from '../../test/support/newsroom-context';

/**
 * The magazine desk's handlers (app/api/newsroom/magazine/…) on a real
 * database: a 記者 is refused before the body is read; hostile bodies are
 * 4xx, never 5xx; a refusal names its field in Japanese and writes and
 * invalidates nothing; a save invalidates what readers see, as a publish
 * does, and re-renders it after answering. The session and CSRF guard is
 * lib/newsroom/auth.ts's (route by route in e2e/newsroom-access.spec.ts).
 */

const state = vi.hoisted(() => ({
  conn: undefined as TestDatabase | undefined,
  editor: { id: '', login: 'desk', name: 'デスク 花子', role: 'desk' as 'desk' | 'reporter' | 'admin' },
}));
vi.mock('./context', () => ({
  getNewsroomContext: async () => ({ db: state.conn!.db, secret: 'x'.repeat(40), settings: { internalUrl: TEST_SITE }, siteUrl: TEST_SITE }),
}));
vi.mock('./auth', () => ({
  guardMutation: async () => ({ editor: state.editor, sessionId: 's1', csrfToken: 't' }),
}));
const revalidateTag = vi.hoisted(() => vi.fn());
vi.mock('next/cache', async (importOriginal) => ({ ...(await importOriginal<object>()), revalidateTag }));
const after = vi.hoisted(() => vi.fn());
vi.mock('next/server', () => ({ after }));

const TODAY = toJstDay(new Date());
const ISSUE_DATE = addDays(TODAY, 7);
const ARTICLE = 'abcd2345';
const COVER = '/media/uploads/test/cover.webp';

function request(path: string, method: string, body: unknown, raw = false): Request {
  return new Request(`${TEST_SITE}${path}`, {
    method,
    headers: { origin: TEST_SITE, 'content-type': 'application/json', 'x-csrf-token': 't' },
    body: raw ? String(body) : JSON.stringify(body),
  });
}

const issueBody = (change: Record<string, unknown> = {}) => ({
  issueDate: ISSUE_DATE,
  onSaleDate: TODAY,
  featureTitle: '冬の港町',
  blurb: '冬を迎える港町を歩いた。',
  coverSrc: COVER,
  articleIds: [ARTICLE],
  ...change,
});
const publicationBody = (change: Record<string, unknown> = {}) => ({
  title: '冬の旅ガイド',
  kind: 'mook',
  onSaleDate: TODAY,
  onSale: true,
  priceYen: 1650,
  blurb: '雪の温泉地をめぐる。',
  coverSrc: COVER,
  ...change,
});

const answer = async (response: Response) => (await response.json()) as { error?: string; field?: string | null; slug?: string; revision?: number };
const issueCount = async () => (await state.conn!.db.selectFrom('magazine_issues').select('slug').execute()).length;

describe('the magazine desk’s handlers', () => {
  let log: ReturnType<typeof captureLog>;
  beforeAll(async () => {
    log = captureLog('info');
    state.conn = await openTestDatabase('sqlite', 'magazine-route', { prepared: true });
    state.editor.id = (await createEditor(state.conn.db, { login: 'desk', name: 'デスク 花子', password: 'a-long-enough-passphrase-1', role: 'desk' })).id;
    await insertTestArticles(state.conn, [{ id: ARTICLE, headline: '港の朝市', publishedAt: new Date(Date.now() - 3_600_000) }]);
    await state.conn.db
      .insertInto('media')
      .values({ path: COVER.slice('/media/'.length), content_type: 'image/webp', bytes: new Uint8Array([1]), width: 600, height: 800, created_at: new Date().toISOString() })
      .execute();
  }, 60_000);
  afterAll(async () => {
    log?.restore();
    await state.conn?.close();
  });
  beforeEach(async () => {
    state.editor.role = 'desk';
    revalidateTag.mockClear();
    after.mockClear();
    await state.conn!.db.deleteFrom('magazine_issues').execute();
    await state.conn!.db.deleteFrom('publications').execute();
  });

  it('creates an issue on sale today, invalidates what readers see and re-renders it after answering', async () => {
    const response = await handleIssueCreate(request('/api/newsroom/magazine/issues', 'POST', issueBody()));
    expect(response.status).toBe(201);
    expect(response.headers.get('cache-control')).toMatch(/no-store/);
    expect(await answer(response)).toEqual({ slug: ISSUE_DATE, revision: 1 });
    expect(revalidateTag.mock.calls).toEqual([
      ['magazine', 'max'],
      [`magazine-issue:${ISSUE_DATE}`, 'max'],
    ]);
    expect(after).toHaveBeenCalledTimes(1);
    const recorded = await state.conn!.db.selectFrom('cache_invalidations').select('tag').where('tag', 'in', ['magazine', `magazine-issue:${ISSUE_DATE}`]).execute();
    expect(recorded, 'recorded for the other instances and for a restart').toHaveLength(2);
    expect(log.entries().at(-1)).toMatchObject({ module: 'newsroom', msg: 'magazine saved', command: 'issue-create', slug: ISSUE_DATE, editorId: state.editor.id });

    const saved = await handleIssueSave(request(`/api/newsroom/magazine/issues/${ISSUE_DATE}`, 'PUT', { ...issueBody({ articleIds: [] }), baseRevision: 1 }), ISSUE_DATE);
    expect(saved.status).toBe(200);
    expect(await answer(saved)).toEqual({ slug: ISSUE_DATE, revision: 2 });
  });

  it('refuses a 記者 with 403 and the reason, before reading anything, and writes nothing', async () => {
    state.editor.role = 'reporter';
    for (const response of [
      await handleIssueCreate(request('/api/newsroom/magazine/issues', 'POST', issueBody())),
      await handleIssueSave(request(`/api/newsroom/magazine/issues/${ISSUE_DATE}`, 'PUT', '{ not json', true), ISSUE_DATE),
      await handlePublicationCreate(request('/api/newsroom/magazine/publications', 'POST', publicationBody())),
      await handlePublicationSave(request('/api/newsroom/magazine/publications/p-x', 'PUT', publicationBody()), 'p-x'),
    ]) {
      expect(response.status).toBe(403);
      expect((await answer(response)).error).toBe('雑誌の号と別冊・ムックの作成・編集はデスクと管理者が行います。');
    }
    expect(await issueCount()).toBe(0);
    expect(revalidateTag).not.toHaveBeenCalled();
  });

  const badInput: [string, unknown, number, RegExp][] = [
    ['a number for a title', issueBody({ featureTitle: 42 }), 400, /入力内容を確認してください/],
    ['a missing field', { issueDate: ISSUE_DATE }, 400, /入力内容を確認してください/],
    ['an array body', [issueBody()], 400, /入力内容を確認してください/],
    ['a thousand article ids', issueBody({ articleIds: Array.from({ length: 1000 }, () => ARTICLE) }), 400, /入力内容を確認してください/],
  ];

  it.each(badInput)('answers %s with %i and a Japanese message, saving nothing', async (_, body, status, message) => {
    const response = await handleIssueCreate(request('/api/newsroom/magazine/issues', 'POST', body));
    expect(response.status).toBe(status);
    expect((await answer(response)).error).toMatch(message);
    expect(await issueCount()).toBe(0);
    expect(revalidateTag).not.toHaveBeenCalled();
  });

  it('answers a body that is not JSON with 400, and an oversized one with 413', async () => {
    const broken = await handleIssueCreate(request('/api/newsroom/magazine/issues', 'POST', '{"issueDate": ', true));
    expect(broken.status).toBe(400);
    expect((await answer(broken)).error).toMatch(/読み取れませんでした/);
    const huge = await handleIssueCreate(request('/api/newsroom/magazine/issues', 'POST', issueBody({ blurb: 'あ'.repeat(200_000) })));
    expect(huge.status).toBe(413);
    expect((await answer(huge)).error).toMatch(/大きすぎます/);
    expect(await issueCount()).toBe(0);
  });

  it('names the field of a refusal for the form to mark: a missing title, a bad date, an unknown article, a duplicate issue', async () => {
    const cases: [Record<string, unknown>, number, string, RegExp][] = [
      [{ featureTitle: '' }, 400, 'featureTitle', /特集タイトルを入力してください/],
      [{ issueDate: '2026-02-31' }, 400, 'issueDate', /号の日付を正しく/],
      [{ articleIds: ['zzzz2345'] }, 400, 'contents', /目次の記事が見つかりません/],
      [{ coverSrc: '/media/../../etc/passwd' }, 400, 'cover', /表紙の画像が見つかりません/],
    ];
    for (const [change, status, field, message] of cases) {
      const response = await handleIssueCreate(request('/api/newsroom/magazine/issues', 'POST', issueBody(change)));
      const body = await answer(response);
      expect([response.status, body.field], JSON.stringify(change)).toEqual([status, field]);
      expect(body.error).toMatch(message);
    }
    expect(await issueCount()).toBe(0);
    expect((await handleIssueCreate(request('/api/newsroom/magazine/issues', 'POST', issueBody()))).status).toBe(201);
    revalidateTag.mockClear();
    const duplicate = await handleIssueCreate(request('/api/newsroom/magazine/issues', 'POST', issueBody({ featureTitle: '別の特集' })));
    expect(duplicate.status).toBe(409);
    expect(await answer(duplicate)).toMatchObject({ field: 'issueDate', error: expect.stringMatching(/号はすでにあります/) });
    expect(revalidateTag).not.toHaveBeenCalled();
  });

  it('answers 404 for an issue that does not exist, after the guard', async () => {
    const response = await handleIssueSave(request('/api/newsroom/magazine/issues/..%2F..', 'PUT', { ...issueBody(), baseRevision: 1 }), '../..');
    expect(response.status).toBe(404);
    expect((await answer(response)).error).toMatch(/この号が見つかりません/);
  });

  it('creates and saves a MOOK and invalidates /publications', async () => {
    const created = await handlePublicationCreate(request('/api/newsroom/magazine/publications', 'POST', publicationBody()));
    expect(created.status).toBe(201);
    const { slug } = await answer(created);
    expect(revalidateTag.mock.calls).toEqual([['publications', 'max']]);
    const badPrice = await handlePublicationSave(request(`/api/newsroom/magazine/publications/${slug}`, 'PUT', { ...publicationBody({ priceYen: 1.5 }), baseRevision: 1 }), slug!);
    expect(badPrice.status).toBe(400);
    expect(await answer(badPrice)).toMatchObject({ field: 'priceYen' });
    const badKind = await handlePublicationSave(request(`/api/newsroom/magazine/publications/${slug}`, 'PUT', { ...publicationBody({ kind: 'comic' }), baseRevision: 1 }), slug!);
    expect(badKind.status).toBe(400);
    const saved = await handlePublicationSave(request(`/api/newsroom/magazine/publications/${slug}`, 'PUT', { ...publicationBody({ onSale: false }), baseRevision: 1 }), slug!);
    expect(saved.status).toBe(200);
    expect(await answer(saved)).toEqual({ slug, revision: 2 });
  });
});
