import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, TEST_ENGINES, type TestDatabase } from '../../test/support/database';
import { runArticleCommand } from './article-commands';
import { loadNewsroomArticle, StaleRevisionError } from './articles';
import { createEditor, type Editor } from './editors';
import { describeSaveConflict } from './save-conflict';
import { createTestDraft, seedNewsroomFixtures, storyDraft } from '../../test/support/newsroom-fixtures';

/**
 * Two editors save the same article (ADR 0047), on each engine: the second
 * save is refused as stale (never written over the first), and the answer
 * says who saved, when, what they changed since the second editor's
 * revision, which fields both touched, and the revision a save over it must
 * name. A 記者 whose draft the desk published meanwhile gets the same
 * conflict, not a rule; a command the role may never run stays a 403.
 */

const T0 = new Date('2026-12-06T02:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

const BODY = '市は港の再開発計画を見直した。\n\n## 経緯\n\n計画は三年前に始まった。\n\n着工は来春の予定だ。';

describe.each(TEST_ENGINES)('a conflicting save on %s', (engine) => {
  let conn: TestDatabase;
  let reporter: Editor;
  let desk: Editor;

  beforeAll(async () => {
    conn = await openTestDatabase(engine, 'save-conflict', { prepared: true });
    await seedNewsroomFixtures(conn.db);
    await createEditor(conn.db, { login: 'kanri', name: '管理 太郎', password: 'a long enough password' });
    reporter = await createEditor(conn.db, { login: 'hanako', name: '山田 花子', password: 'a long enough password', role: 'reporter' });
    desk = await createEditor(conn.db, { login: 'ichiro', name: '鈴木 一郎', password: 'a long enough password', role: 'desk' });
  }, 60_000);
  afterAll(() => conn?.close());

  /** A draft both editors opened at revision 2. */
  async function openedDraft(minute: number) {
    const id = await createTestDraft(conn.db, reporter.id, at(minute));
    await runArticleCommand(conn.db, reporter, id, 'save', { draft: storyDraft({ body: BODY }), baseRevision: 1, now: at(minute + 1) });
    return id;
  }

  it('refuses the second save and describes the first: who, when, what changed, what both touched', async () => {
    const id = await openedDraft(0);
    // 一郎 (desk) saves first: a new place name in the body and a new headline.
    const first = storyDraft({ headline: '港の再開発、着工は再来年に', body: BODY.replace('来春', '再来年の春') });
    await runArticleCommand(conn.db, desk, id, 'save', { draft: first, baseRevision: 2, now: at(2) });
    // 花子 saves her own edit of the body on the revision she opened.
    const mine = storyDraft({ body: `${BODY}\n\n地元の漁協は計画に賛成している。` });
    const refused = await runArticleCommand(conn.db, reporter, id, 'save', { draft: mine, baseRevision: 2, autosave: true, now: at(3) }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(StaleRevisionError);
    expect(refused).toMatchObject({ status: 409, baseRevision: 2 });
    // Nothing of hers was written over his.
    expect((await loadNewsroomArticle(conn.db, id))!).toMatchObject({ revision: 3, draft: { headline: '港の再開発、着工は再来年に' } });

    const conflict = (await describeSaveConflict(conn.db, { id, baseRevision: 2, viewerId: reporter.id, draft: mine }))!;
    expect(conflict.article).toMatchObject({ id, revision: 3, status: 'draft', draft: { headline: '港の再開発、着工は再来年に', body: first.body } });
    expect(conflict.savedBy).toEqual([{ name: '鈴木 一郎', role: 'desk', self: false }]);
    expect(conflict.savedAt).toBe(at(2).toISOString());
    const byField = Object.fromEntries(conflict.comparison.fields.map((f) => [f.field, f]));
    expect(byField.headline!.changed).toBe(true);
    expect(byField.standfirst!.changed).toBe(false);
    // The body's edit is a few words of one paragraph (来春の → 再来年の春の), not the paragraph replaced.
    expect(byField.body!.rows).toContainEqual({
      kind: 'changed',
      pieces: [
        { kind: 'same', text: '着工は' },
        { kind: 'del', text: '来春の' },
        { kind: 'ins', text: '再来年の春の' },
        { kind: 'same', text: '予定だ。' },
      ],
    });
    // She changed the body too, not the headline: the body is where the two versions meet.
    expect(conflict.bothChanged).toEqual(['本文']);

    // Saving over it on purpose names the revision the conflict gave; her text is then the article's.
    const over = await runArticleCommand(conn.db, reporter, id, 'save', { draft: mine, baseRevision: conflict.article.revision, now: at(4) });
    expect(over.article).toMatchObject({ revision: 4, draft: { body: mine.body, headline: mine.headline } });
  });

  it('names everyone who saved since, newest first, and the asker in another window as themself', async () => {
    const id = await openedDraft(10);
    await runArticleCommand(conn.db, desk, id, 'save', { draft: storyDraft({ standfirst: '一郎のリード。', body: BODY }), baseRevision: 2, now: at(11) });
    await runArticleCommand(conn.db, reporter, id, 'save', { draft: storyDraft({ standfirst: '花子の別の窓のリード。', body: BODY }), baseRevision: 3, now: at(12) });
    const conflict = (await describeSaveConflict(conn.db, { id, baseRevision: 2, viewerId: reporter.id }))!;
    expect(conflict.savedBy).toEqual([
      { name: '山田 花子', role: 'reporter', self: true },
      { name: '鈴木 一郎', role: 'desk', self: false },
    ]);
    expect(conflict.savedAt).toBe(at(12).toISOString());
    // A command that sent no form touched nothing of its own.
    expect(conflict.bothChanged).toEqual([]);
  });

  it('gives a 記者 whose draft the desk published the conflict, and keeps a forged publish a 403', async () => {
    const id = await openedDraft(20);
    await runArticleCommand(conn.db, desk, id, 'publish', { baseRevision: 2, now: at(21) });
    const save = await runArticleCommand(conn.db, reporter, id, 'save', { draft: storyDraft({ body: `${BODY}\n\n追記。` }), baseRevision: 2, now: at(22) }).catch((e: unknown) => e);
    expect(save).toBeInstanceOf(StaleRevisionError);
    const conflict = (await describeSaveConflict(conn.db, { id, baseRevision: 2, viewerId: reporter.id }))!;
    expect(conflict.article.status).toBe('published');
    // On the current revision the rule is the answer: the desk holds a published piece.
    await expect(runArticleCommand(conn.db, reporter, id, 'save', { draft: storyDraft(), baseRevision: 3, now: at(23) })).rejects.toMatchObject({ status: 403 });
    // Publishing is never a 記者's, stale or not.
    const forged = await runArticleCommand(conn.db, reporter, id, 'publish', { baseRevision: 1, now: at(24) }).catch((e: unknown) => e);
    expect(forged).not.toBeInstanceOf(StaleRevisionError);
    expect(forged).toMatchObject({ status: 403 });
  });

  it('compares against an empty article when the form named a revision that does not exist', async () => {
    const id = await openedDraft(30);
    const conflict = (await describeSaveConflict(conn.db, { id, baseRevision: 99, viewerId: reporter.id }))!;
    expect(conflict.comparison.fields.every((f) => f.field === 'standfirst' || f.changed)).toBe(true);
    expect(await describeSaveConflict(conn.db, { id: 'zzzzzzzz', baseRevision: 1, viewerId: reporter.id })).toBeNull();
  });
});
