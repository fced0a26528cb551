import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { insertTestArticles, openTestDatabase, type TestDatabase } from '../../test/support/database';
import { captureLog } from '../../test/support/log';
import { createEditor } from './editors';
import { handleEditionCreate, handleEditionSave, handleEditionSend } from './editions-http';
import { TEST_SITE } from '../../test/support/newsroom-context';

/**
 * The edition handlers (app/api/newsroom/editions/…) on a real database:
 * a 記者 drafts but is refused a send before anything is read; forged ids
 * are 404s, oversized or malformed bodies 413/400; and a refused request
 * writes and queues nothing. The guard is lib/newsroom/auth.ts's (route by
 * route in e2e/newsroom-access.spec.ts).
 */

const state = vi.hoisted(() => ({
  conn: undefined as TestDatabase | undefined,
  editor: { id: '', login: 'desk', name: 'デスク 太郎', role: 'desk' as 'desk' | 'reporter' },
  nudged: 0,
}));
vi.mock('./context', async () => (await import('../../test/support/newsroom-context')).fakeNewsroomContext(() => state.conn!.db));
vi.mock('./auth', async () => (await import('../../test/support/newsroom-context')).fakeNewsroomGuard(() => state.editor));
vi.mock('../newsletter', () => ({
  getEditionSendContext: async () => ({ db: state.conn!.db, now: new Date(), siteUrl: TEST_SITE, mailFrom: 'Kiji <news@kiji.example>', secret: 'y'.repeat(40) }),
  nudgeOutbox: () => state.nudged++,
}));

const ARTICLE = 'abcd2345';

function request(path: string, method: string, body: unknown, raw = false): Request {
  return new Request(`${TEST_SITE}${path}`, {
    method,
    headers: { origin: TEST_SITE, 'content-type': 'application/json', 'x-csrf-token': 't' },
    body: raw ? String(body) : JSON.stringify(body),
  });
}

const errorOf = async (response: Response) => ((await response.json()) as { error: string }).error;
const outboxSize = async () => (await state.conn!.db.selectFrom('mail_outbox').select('id').execute()).length;

describe('the edition handlers', () => {
  let log: ReturnType<typeof captureLog>;
  beforeAll(async () => {
    log = captureLog('info');
    state.conn = await openTestDatabase('sqlite', 'editions-route', { prepared: true });
    state.editor.id = (await createEditor(state.conn.db, { login: 'desk', name: 'デスク 太郎', password: 'a-long-enough-passphrase-1', role: 'desk' })).id;
    await insertTestArticles(state.conn, [{ id: ARTICLE, headline: '公開中の記事', publishedAt: new Date(Date.now() - 3_600_000) }]);
    const at = new Date().toISOString();
    await state.conn.db.insertInto('newsletter_subscribers').values({ id: 'sub1', email: 'reader@example.jp', status: 'active', created_at: at, updated_at: at, confirmed_at: at, unsubscribed_at: null }).execute();
  }, 60_000);
  afterAll(async () => {
    log?.restore();
    await state.conn?.close();
  });
  beforeEach(() => {
    state.editor.role = 'desk';
  });

  it('lets a 記者 draft an edition and refuses them the send with 403 before reading anything', async () => {
    state.editor.role = 'reporter';
    const created = await handleEditionCreate(request('/api/newsroom/editions', 'POST', { subject: '記者の号', intro: '', articleIds: [ARTICLE] }));
    expect(created.status).toBe(201);
    const { id, revision } = (await created.json()) as { id: string; revision: number };
    const refused = await handleEditionSend(request(`/api/newsroom/editions/${id}/send`, 'POST', 'not even JSON', true), id);
    expect(refused.status).toBe(403);
    expect(await errorOf(refused)).toMatch(/デスクと管理者/);
    expect(await outboxSize()).toBe(0);

    state.editor.role = 'desk';
    const sent = await handleEditionSend(request(`/api/newsroom/editions/${id}/send`, 'POST', { revision }), id);
    expect(sent.status).toBe(200);
    expect(await sent.json()).toEqual({ recipients: 1 });
    expect(state.nudged).toBe(1);
    // A second press of 送信 is told it went, and queues nothing.
    const again = await handleEditionSend(request(`/api/newsroom/editions/${id}/send`, 'POST', { revision }), id);
    expect(again.status).toBe(409);
    expect(await errorOf(again)).toMatch(/すでに送信済み/);
    expect(await outboxSize()).toBe(1);
  });

  it('answers hostile input with a 4xx and a Japanese message, writing nothing', async () => {
    const before = (await state.conn!.db.selectFrom('newsletter_editions').select('id').execute()).length;
    const cases: [Promise<Response>, number, RegExp][] = [
      [handleEditionSave(request('/api/newsroom/editions/AAAAAAAAAAAAAAAA', 'PUT', { subject: '', intro: '', articleIds: [], baseRevision: 1 }), 'AAAAAAAAAAAAAAAA'), 404, /見つかりません/],
      [handleEditionSave(request('/api/newsroom/editions/..%2F..%2Fetc', 'PUT', { subject: '', intro: '', articleIds: [], baseRevision: 1 }), '../../etc'), 404, /見つかりません/],
      [handleEditionSend(request('/api/newsroom/editions/AAAAAAAAAAAAAAAA/send', 'POST', { revision: 1 }), 'AAAAAAAAAAAAAAAA'), 404, /見つかりません/],
      [handleEditionCreate(request('/api/newsroom/editions', 'POST', { subject: '件名', intro: '', articleIds: ['<script>'] })), 404, /記事が見つかりません/],
      [handleEditionCreate(request('/api/newsroom/editions', 'POST', { subject: '件名', intro: 'あ'.repeat(40_000), articleIds: [] })), 400, /入力内容を確認/],
      [handleEditionCreate(request('/api/newsroom/editions', 'POST', { subject: '件名', intro: 'x'.repeat(300 * 1024), articleIds: [] })), 413, /大きすぎ/],
      [handleEditionCreate(request('/api/newsroom/editions', 'POST', { subject: ['配列'], intro: '', articleIds: [] })), 400, /入力内容を確認/],
      [handleEditionCreate(request('/api/newsroom/editions', 'POST', '{"subject":', true)), 400, /読み取れません/],
      [handleEditionSend(request('/api/newsroom/editions/AAAAAAAAAAAAAAAA/send', 'POST', { revision: 'latest' }), 'AAAAAAAAAAAAAAAA'), 400, /入力内容を確認/],
    ];
    for (const [answer, status, message] of cases) {
      const response = await answer;
      expect(response.status).toBe(status);
      expect(await errorOf(response)).toMatch(message);
    }
    expect((await state.conn!.db.selectFrom('newsletter_editions').select('id').execute()).length).toBe(before);
  });
});
