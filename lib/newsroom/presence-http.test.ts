import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/support/database';
import { captureLog } from '../../test/support/log';
import { handleArticleCommand } from './commands-http';
import { createEditor } from './editors';
import { handlePresence } from './presence-http';
import { createSession } from './sessions';
import type { Role } from './roles';
import { createTestDraft, seedNewsroomFixtures, storyDraft } from '../../test/support/newsroom-fixtures';
import { TEST_SITE } from '../../test/support/newsroom-context';

/**
 * The presence route and the conflict answer as the editor's tab meets them
 * (ADR 0047), on a real database: two editors see each other; hostile input
 * (bad ids, a forged tab, a huge body) is a 4xx that writes nothing; a stale
 * save is a 409 that carries the other version and what changed. The guard
 * itself is lib/newsroom/auth.ts's, route by route in
 * e2e/newsroom-access.spec.ts.
 */

type Signed = { editor: { id: string; login: string; name: string; role: Role }; sessionId: string; csrfToken: string };
const state = vi.hoisted(() => ({ conn: undefined as TestDatabase | undefined, signedIn: undefined as Signed | undefined }));
vi.mock('./context', async () => (await import('../../test/support/newsroom-context')).fakeNewsroomContext(() => state.conn!.db));
vi.mock('./auth', async () => (await import('../../test/support/newsroom-context')).fakeNewsroomGuard(() => state.signedIn!));
// A command's after-response work (re-rendering pages for readers) has no request to run after here.
vi.mock('next/server', () => ({ after: () => undefined }));

const TAB = { hanako: 'hanakotab0000000001', ichiro: 'ichirotab0000000001' };

function post(path: string, body: unknown, { method = 'POST', raw = false }: { method?: string; raw?: boolean } = {}): Request {
  return new Request(`${TEST_SITE}${path}`, {
    method,
    headers: { origin: TEST_SITE, 'content-type': 'application/json', 'x-csrf-token': 't' },
    body: raw ? String(body) : JSON.stringify(body),
  });
}

describe('the presence route and the conflict answer', () => {
  let log: ReturnType<typeof captureLog>;
  let hanako: Signed;
  let ichiro: Signed;
  let article: string;

  beforeAll(async () => {
    log = captureLog('info');
    state.conn = await openTestDatabase('sqlite', 'presence-route', { prepared: true });
    await seedNewsroomFixtures(state.conn.db);
    await createEditor(state.conn.db, { login: 'kanri', name: '管理 太郎', password: 'a long enough password' });
    const a = await createEditor(state.conn.db, { login: 'hanako', name: '山田 花子', password: 'a long enough password', role: 'reporter' });
    const b = await createEditor(state.conn.db, { login: 'ichiro', name: '鈴木 一郎', password: 'a long enough password', role: 'desk' });
    hanako = { editor: { id: a.id, login: 'hanako', name: '山田 花子', role: 'reporter' }, sessionId: (await createSession(state.conn.db, a.id)).sessionId, csrfToken: 't' };
    ichiro = { editor: { id: b.id, login: 'ichiro', name: '鈴木 一郎', role: 'desk' }, sessionId: (await createSession(state.conn.db, b.id)).sessionId, csrfToken: 't' };
    article = await createTestDraft(state.conn.db, a.id);
  }, 60_000);
  afterAll(async () => {
    log?.restore();
    await state.conn?.close();
  });

  const as = (who: Signed) => (state.signedIn = who);
  const presence = (id: string, body: unknown, raw = false) => handlePresence(post(`/api/newsroom/articles/${id}/presence`, body, { raw }), id);
  const rows = async () => (await state.conn!.db.selectFrom('article_presence').select('tab_id').execute()).map((r) => r.tab_id).sort();

  it('tells each editor who else has the article open, and forgets a tab that leaves', async () => {
    as(hanako);
    expect(await (await presence(article, { tab: TAB.hanako })).json()).toEqual({ others: [] });
    as(ichiro);
    const seen = await presence(article, { tab: TAB.ichiro });
    expect(seen.status).toBe(200);
    expect(seen.headers.get('cache-control')).toMatch(/no-store/);
    expect(await seen.json()).toEqual({ others: [{ name: '山田 花子', role: 'reporter', self: false }] });
    as(hanako);
    expect(await (await presence(article, { tab: TAB.hanako })).json()).toEqual({ others: [{ name: '鈴木 一郎', role: 'desk', self: false }] });
    as(ichiro);
    expect((await presence(article, { tab: TAB.ichiro, leaving: true })).status).toBe(200);
    expect(await rows()).toEqual([TAB.hanako]);
  });

  it('answers hostile input with a 4xx and a Japanese message, writing nothing', async () => {
    as(ichiro);
    const before = await rows();
    const cases: [Response, number, RegExp][] = [
      [await presence('zzzzzzzz', { tab: TAB.ichiro }), 404, /見つかりません/],
      [await presence('../../etc', { tab: TAB.ichiro }), 404, /見つかりません/],
      [await presence("abcd2345' or 1=1", { tab: TAB.ichiro }), 404, /見つかりません/],
      [await presence(article, { tab: 'short' }), 400, /入力内容を確認/],
      [await presence(article, { tab: '<script>alert(1)</script>aaaaaaaaaa' }), 400, /入力内容を確認/],
      [await presence(article, { tab: TAB.ichiro, leaving: 'yes' }), 400, /入力内容を確認/],
      [await presence(article, { tab: 'x'.repeat(20_000) }), 413, /大きすぎ/],
      [await presence(article, '{"tab":', true), 400, /読み取れません/],
    ];
    for (const [response, status, message] of cases) {
      expect(response.status).toBe(status);
      expect(((await response.json()) as { error: string }).error).toMatch(message);
    }
    expect(await rows()).toEqual(before);
  });

  it('has no one in a deleted draft', async () => {
    as(hanako);
    const draft = await createTestDraft(state.conn!.db, hanako.editor.id, new Date(), '消す下書き');
    await state.conn!.db.updateTable('articles').set({ deleted_at: new Date().toISOString() }).where('id', '=', draft).execute();
    expect((await presence(draft, { tab: TAB.hanako })).status).toBe(404);
  });

  it('answers a stale save with 409, the other version and what changed; the form then saves over it on purpose', async () => {
    const save = (who: Signed, body: Record<string, unknown>) => {
      as(who);
      return handleArticleCommand(post(`/api/newsroom/articles/${article}`, body, { method: 'PUT' }), article, 'save');
    };
    const opened = (await state.conn!.db.selectFrom('article_revisions').select((eb) => eb.fn.max('number').as('n')).where('article_id', '=', article).executeTakeFirstOrThrow()).n;
    const first = await save(ichiro, { draft: storyDraft({ headline: '一郎の見出し' }), baseRevision: opened });
    expect(first.status).toBe(200);
    const mine = storyDraft({ headline: '花子の見出し', body: '花子が書き足した本文。' });
    const refused = await save(hanako, { draft: mine, baseRevision: opened, autosave: true });
    expect(refused.status).toBe(409);
    const answer = (await refused.json()) as { error: string; conflict: { article: { revision: number; draft: { headline: string } }; savedBy: unknown[]; bothChanged: string[] } };
    expect(answer.error).toMatch(/ほかの編集者/);
    expect(answer.conflict.article.draft.headline).toBe('一郎の見出し');
    expect(answer.conflict.savedBy).toEqual([{ name: '鈴木 一郎', role: 'desk', self: false }]);
    expect(answer.conflict.bothChanged).toContain('見出し');
    const over = await save(hanako, { draft: mine, baseRevision: answer.conflict.article.revision });
    expect(over.status).toBe(200);
    expect(((await over.json()) as { article: { draft: { headline: string } } }).article.draft.headline).toBe('花子の見出し');
  });
});
