import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, TEST_ENGINES, type TestDatabase } from '../../test/support/database';
import { createEditor } from './editors';
import { listOthersPresent, listPresenceByArticle, recordPresence, removePresence } from './presence';
import { PRESENCE_TTL_MS } from './presence-rules';
import { createSession, revokeSession } from './sessions';
import { createTestDraft, seedNewsroomFixtures } from '../../test/support/newsroom-fixtures';

/**
 * Who has an article open (ADR 0047) on each engine: another editor's tab is
 * seen, the asking tab never; several tabs are one person; a heartbeat
 * counts for PRESENCE_TTL_MS and its row is swept after; leaving and signing
 * out take the mark away at once.
 */

const T0 = new Date('2026-12-06T01:00:00.000Z');
const after = (ms: number) => new Date(T0.getTime() + ms);
const TAB = { a: 'tab-aaaaaaaaaaaaaaaa', a2: 'tab-aaaaaaaaaaaaaaa2', b: 'tab-bbbbbbbbbbbbbbbb' };

describe.each(TEST_ENGINES)('article presence on %s', (engine) => {
  let conn: TestDatabase;
  let hanako: { id: string; session: { token: string; sessionId: string } };
  let ichiro: { id: string; session: { token: string; sessionId: string } };
  let article: string;
  let other: string;

  beforeAll(async () => {
    conn = await openTestDatabase(engine, 'presence', { prepared: true });
    await seedNewsroomFixtures(conn.db);
    const a = await createEditor(conn.db, { login: 'hanako', name: '山田 花子', password: 'a long enough password', role: 'reporter' });
    const b = await createEditor(conn.db, { login: 'ichiro', name: '鈴木 一郎', password: 'a long enough password', role: 'desk' });
    hanako = { id: a.id, session: await createSession(conn.db, a.id, T0) };
    ichiro = { id: b.id, session: await createSession(conn.db, b.id, T0) };
    article = await createTestDraft(conn.db, a.id, T0);
    other = await createTestDraft(conn.db, a.id, T0, '別の記事');
  }, 60_000);
  afterAll(() => conn?.close());

  const tabOf = (who: typeof hanako, tabId: string, articleId = article) => ({ articleId, sessionId: who.session.sessionId, tabId });
  const rows = async () => (await conn.db.selectFrom('article_presence').select(['article_id', 'tab_id']).execute()).length;

  it('shows each editor the other, never their own tab, and one name for several tabs', async () => {
    await recordPresence(conn.db, tabOf(hanako, TAB.a), T0);
    expect(await listOthersPresent(conn.db, tabOf(hanako, TAB.a), hanako.id, T0)).toEqual([]);
    await recordPresence(conn.db, tabOf(ichiro, TAB.b), after(1_000));
    expect(await listOthersPresent(conn.db, tabOf(hanako, TAB.a), hanako.id, after(2_000))).toEqual([{ name: '鈴木 一郎', role: 'desk', self: false }]);
    expect(await listOthersPresent(conn.db, tabOf(ichiro, TAB.b), ichiro.id, after(2_000))).toEqual([{ name: '山田 花子', role: 'reporter', self: false }]);
    // 花子 opens it in a second tab: 一郎 still sees one 花子, and 花子's first tab learns of her second, after the others.
    await recordPresence(conn.db, tabOf(hanako, TAB.a2), after(3_000));
    expect(await listOthersPresent(conn.db, tabOf(ichiro, TAB.b), ichiro.id, after(4_000))).toEqual([{ name: '山田 花子', role: 'reporter', self: false }]);
    expect(await listOthersPresent(conn.db, tabOf(hanako, TAB.a), hanako.id, after(4_000))).toEqual([
      { name: '鈴木 一郎', role: 'desk', self: false },
      { name: '山田 花子', role: 'reporter', self: true },
    ]);
    // Another article's readers are not this one's.
    expect(await listOthersPresent(conn.db, tabOf(ichiro, TAB.b, other), ichiro.id, after(4_000))).toEqual([]);
  });

  it('counts a heartbeat for the TTL, and the next heartbeat sweeps what expired', async () => {
    const late = after(3_000 + PRESENCE_TTL_MS + 1);
    // 一郎 kept his tab alive; 花子's tabs went quiet (closed without a word, or hidden).
    await recordPresence(conn.db, tabOf(ichiro, TAB.b), after(PRESENCE_TTL_MS));
    expect(await listOthersPresent(conn.db, tabOf(ichiro, TAB.b), ichiro.id, late)).toEqual([]);
    expect(await rows()).toBe(3);
    await recordPresence(conn.db, tabOf(ichiro, TAB.b), late);
    expect(await conn.db.selectFrom('article_presence').select('tab_id').execute()).toEqual([{ tab_id: TAB.b }]);
  });

  it('takes a tab away when it leaves, and every tab of a session when it signs out', async () => {
    const now = after(200_000);
    await recordPresence(conn.db, tabOf(hanako, TAB.a), now);
    await recordPresence(conn.db, tabOf(hanako, TAB.a2, other), now);
    await recordPresence(conn.db, tabOf(ichiro, TAB.b), now);
    await removePresence(conn.db, tabOf(ichiro, TAB.b));
    expect(await listOthersPresent(conn.db, tabOf(hanako, TAB.a), hanako.id, now)).toEqual([]);
    expect((await listPresenceByArticle(conn.db, [article, other], ichiro.id, now)).size).toBe(2);
    // Signing out deletes the session row; the foreign key takes its marks with it.
    await revokeSession(conn.db, hanako.session.token, now);
    expect(await listPresenceByArticle(conn.db, [article, other], ichiro.id, now)).toEqual(new Map());
    expect(await rows()).toBe(0);
  });

  it('lists, for the article list, who has which article open', async () => {
    const now = after(300_000);
    const again = await createSession(conn.db, hanako.id, now);
    await recordPresence(conn.db, { articleId: other, sessionId: again.sessionId, tabId: TAB.a }, now);
    await recordPresence(conn.db, tabOf(ichiro, TAB.b), now);
    const open = await listPresenceByArticle(conn.db, [article, other, 'zzzzzzzz'], hanako.id, now);
    expect(Object.fromEntries(open)).toEqual({
      [article]: [{ name: '鈴木 一郎', role: 'desk', self: false }],
      [other]: [{ name: '山田 花子', role: 'reporter', self: true }],
    });
    expect(await listPresenceByArticle(conn.db, [], hanako.id, now)).toEqual(new Map());
  });
});
