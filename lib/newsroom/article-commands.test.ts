import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as q from '../content/queries';
import { listFeedArticles } from '../content/feeds';
import { parseSearchQuery, searchArticles } from '../content/search';
import { listNewsSitemapArticles } from '../content/sitemap';
import type { ArticleStatus } from '../db/schema';
import { openTestDatabase, TEST_ENGINES, type TestDatabase } from '../../test/support/database';
import { runArticleCommand, type CommandInput } from './article-commands';
import { CommandError, createArticle, loadNewsroomArticle, saveArticle } from './articles';
import { createEditor, type Editor } from './editors';
import { listNewsroomArticles, listRevisions, findReturnNote } from './queries';
import type { ArticleCommand, Role } from './roles';
import { createTestDraft, seedNewsroomFixtures, storyDraft } from '../../test/support/newsroom-fixtures';
import { emptyDraft, isDraftStarted } from './draft';

const T0 = new Date('2026-11-20T03:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

/**
 * The permission matrix, written out rather than derived from ./roles.ts so
 * a change there has to change this too: every role against every command,
 * each on an article in the status the command is for.
 */
const MATRIX: Record<ArticleCommand, { status: ArticleStatus; allowed: Role[]; deleted?: true }> = {
  save: { status: 'draft', allowed: ['reporter', 'desk', 'admin'] },
  submit: { status: 'draft', allowed: ['reporter', 'desk', 'admin'] },
  restore: { status: 'draft', allowed: ['reporter', 'desk', 'admin'] },
  return: { status: 'submitted', allowed: ['desk', 'admin'] },
  publish: { status: 'submitted', allowed: ['desk', 'admin'] },
  schedule: { status: 'draft', allowed: ['desk', 'admin'] },
  unschedule: { status: 'scheduled', allowed: ['desk', 'admin'] },
  unpublish: { status: 'published', allowed: ['desk', 'admin'] },
  fix: { status: 'published', allowed: ['desk', 'admin'] },
  update: { status: 'published', allowed: ['desk', 'admin'] },
  correct: { status: 'published', allowed: ['desk', 'admin'] },
  // The reporter's own draft (ADR 0041); others' drafts are below.
  delete: { status: 'draft', allowed: ['reporter', 'desk', 'admin'] },
  undelete: { status: 'draft', allowed: ['admin'], deleted: true },
};

const ROLES: Role[] = ['reporter', 'desk', 'admin'];

describe.each(TEST_ENGINES)('roles and review on %s', (engine) => {
  let conn: TestDatabase;
  const editors = {} as Record<Role, Editor>;

  beforeAll(async () => {
    conn = await openTestDatabase(engine, 'article-commands', { prepared: true });
    await seedNewsroomFixtures(conn.db);
    // Without a role the first account is 管理者 and later ones 記者.
    editors.admin = await createEditor(conn.db, { login: 'kanri', name: '管理 太郎', password: 'a long enough password' });
    editors.reporter = await createEditor(conn.db, { login: 'kisha', name: '記者 花子', password: 'a long enough password' });
    editors.desk = await createEditor(conn.db, { login: 'desk', name: 'デスク 次郎', password: 'a long enough password', role: 'desk' });
  }, 60_000);
  afterAll(() => conn?.close());

  const story = storyDraft;

  const load = async (id: string) => (await loadNewsroomArticle(conn.db, id, { withDeleted: true }))!;

  /** An article by the reporter, brought into `status` by the desk. */
  async function articleIn(status: ArticleStatus, headline = '港の再開発、来春に着工へ'): Promise<string> {
    const id = await createTestDraft(conn.db, editors.reporter.id, at(0));
    await saveArticle(conn.db, { id, editorId: editors.reporter.id, draft: story({ headline }), baseRevision: 1, now: at(1) });
    const desk = editors.desk;
    const run = async (command: ArticleCommand, input: CommandInput = {}) =>
      runArticleCommand(conn.db, desk, id, command, { baseRevision: (await load(id)).revision, now: at(2), ...input });
    if (status === 'submitted') await runArticleCommand(conn.db, editors.reporter, id, 'submit', { baseRevision: 2, now: at(2) });
    if (status === 'scheduled') await run('schedule', { at: at(600) });
    if (status === 'published') await run('publish');
    if (status === 'unpublished') {
      await run('publish');
      await run('unpublish');
    }
    expect((await load(id)).status).toBe(status);
    return id;
  }

  function inputFor(command: ArticleCommand, revision: number): CommandInput {
    return {
      draft: story({ headline: '港の再開発、来春に着工へ(更新)' }),
      baseRevision: revision,
      at: at(600),
      number: 1,
      note: '数字の出典を本文に書いてください。',
      notice: '(訂正)着工時期を「来春」と訂正しました。',
      now: at(5),
    };
  }

  for (const role of ROLES) {
    for (const [command, { status, allowed, deleted }] of Object.entries(MATRIX) as [ArticleCommand, (typeof MATRIX)[ArticleCommand]][]) {
      const may = allowed.includes(role);
      it(`${role} ${may ? 'may' : 'may not'} ${command} an article that is ${deleted ? 'a deleted ' : ''}${status}`, async () => {
        const id = await articleIn(status);
        if (deleted) await runArticleCommand(conn.db, editors.desk, id, 'delete', { baseRevision: (await load(id)).revision, now: at(3) });
        const before = await load(id);
        const run = runArticleCommand(conn.db, editors[role], id, command, inputFor(command, before.revision));
        if (may) {
          const result = await run;
          expect(result.article.revision).toBeGreaterThan(before.revision);
          return;
        }
        const error = await run.catch((e: unknown) => e);
        expect(error).toBeInstanceOf(CommandError);
        expect((error as CommandError).status).toBe(403);
        expect((error as CommandError).message).toMatch(/デスク/);
        // Nothing changed: no revision, same status, same text.
        const after = await load(id);
        expect(after).toEqual(before);
      });
    }
  }

  it('a 記者 may not change what the desk holds: a 予約 or 非公開 piece, or a live one through 版から復元', async () => {
    for (const status of ['scheduled', 'unpublished', 'published'] as const) {
      const id = await articleIn(status);
      const { revision } = await load(id);
      const save = runArticleCommand(conn.db, editors.reporter, id, status === 'published' ? 'correct' : 'save', inputFor('save', revision));
      await expect(save).rejects.toMatchObject({ status: 403 });
      await expect(runArticleCommand(conn.db, editors.reporter, id, 'restore', inputFor('restore', revision))).rejects.toMatchObject({ status: 403 });
      expect((await load(id)).revision).toBe(revision);
    }
  });

  it('a 記者 keeps editing a submitted piece, which stays submitted; unknown articles are 404 for everyone', async () => {
    const id = await articleIn('submitted');
    const { revision } = await load(id);
    const saved = await runArticleCommand(conn.db, editors.reporter, id, 'save', { draft: story({ headline: '直した見出し' }), baseRevision: revision, now: at(3) });
    expect(saved.article).toMatchObject({ status: 'submitted', draft: { headline: '直した見出し' } });
    await expect(runArticleCommand(conn.db, editors.reporter, 'zzzzzzzz', 'publish', {})).rejects.toMatchObject({ status: 404 });
  });

  it('submits only a complete draft, and the desk sends it back with a note its writer sees', async () => {
    const id = await createTestDraft(conn.db, editors.reporter.id, at(0));
    const empty = runArticleCommand(conn.db, editors.reporter, id, 'submit', { draft: story({ headline: '' }), baseRevision: 1, now: at(1) });
    await expect(empty).rejects.toMatchObject({ status: 400, message: expect.stringContaining('見出し') });
    const submitted = await runArticleCommand(conn.db, editors.reporter, id, 'submit', { draft: story(), baseRevision: 1, now: at(2) });
    expect(submitted.article.status).toBe('submitted');
    expect(submitted.invalidate).toEqual([]);
    await expect(runArticleCommand(conn.db, editors.desk, id, 'return', { note: '   ', now: at(3) })).rejects.toMatchObject({ status: 400 });
    const returned = await runArticleCommand(conn.db, editors.desk, id, 'return', { note: '写真のクレジットを確認してください。', now: at(4) });
    expect(returned.article.status).toBe('draft');
    expect(returned.invalidate).toEqual([]);
    expect(await findReturnNote(conn.db, id)).toEqual({ note: '写真のクレジットを確認してください。', by: 'デスク 次郎', at: at(4).toISOString() });
    const revisions = await listRevisions(conn.db, id);
    expect(revisions[0]).toMatchObject({ action: 'return', editorName: 'デスク 次郎', note: '写真のクレジットを確認してください。' });
    // Resubmitting clears the note from the editor's view (it stays in the revisions).
    await runArticleCommand(conn.db, editors.reporter, id, 'submit', { baseRevision: returned.article.revision, now: at(5) });
    expect(await findReturnNote(conn.db, id)).toBeNull();
    // Sending back what is not submitted is refused.
    await expect(runArticleCommand(conn.db, editors.desk, await articleIn('draft'), 'return', { note: '理由', now: at(6) })).rejects.toMatchObject({
      status: 409,
    });
  });

  it('never shows a submitted piece to readers: not the article, not a list, a feed, a sitemap or search', async () => {
    const id = await articleIn('submitted', '提出済みの特報、読者には見えない');
    const now = at(60);
    expect(await q.findArticle(conn.db, id, now)).toBeNull();
    expect((await q.listLatest(conn.db, now, 100)).map((a) => a.id)).not.toContain(id);
    expect((await q.listSectionArticles(conn.db, 'world', 1, now)).items.map((a) => a.id)).not.toContain(id);
    expect((await q.listTagArticles(conn.db, 'tokyo', 1, now)).items.map((a) => a.id)).not.toContain(id);
    expect((await listFeedArticles(conn.db, now)).map((a) => a.id)).not.toContain(id);
    expect((await listNewsSitemapArticles(conn.db, now)).map((a) => a.headline)).not.toContain('提出済みの特報、読者には見えない');
    expect((await searchArticles(conn, parseSearchQuery('提出済みの特報')!, 1, now)).items.map((h) => h.article.id)).not.toContain(id);
    // The same piece, published by the desk, is found everywhere (so the checks above can fail).
    await runArticleCommand(conn.db, editors.desk, id, 'publish', { baseRevision: (await load(id)).revision, now: at(61) });
    const later = at(62);
    expect(await q.findArticle(conn.db, id, later)).not.toBeNull();
    expect((await q.listLatest(conn.db, later, 100)).map((a) => a.id)).toContain(id);
    expect((await listNewsSitemapArticles(conn.db, later)).map((a) => a.headline)).toContain('提出済みの特報、読者には見えない');
    expect((await searchArticles(conn, parseSearchQuery('提出済みの特報')!, 1, later)).items.map((h) => h.article.id)).toContain(id);
  });

  it('lists by status and by who wrote or last changed a piece', async () => {
    const mine = await articleIn('submitted', '記者の提出記事');
    const byDesk = await createTestDraft(conn.db, editors.desk.id, at(0));
    const submitted = await listNewsroomArticles(conn.db, { status: 'submitted', page: 1 });
    expect(submitted.items.map((a) => a.id)).toContain(mine);
    expect(submitted.items.every((a) => a.status === 'submitted')).toBe(true);
    const item = submitted.items.find((a) => a.id === mine)!;
    expect(item).toMatchObject({ author: '記者 花子', lastEditor: '記者 花子' });
    const reporters = (await listNewsroomArticles(conn.db, { who: 'kisha', page: 1 })).items.map((a) => a.id);
    expect(reporters).toContain(mine);
    expect(reporters).not.toContain(byDesk);
    // A piece the desk published last is the desk's too (last editor), and still the reporter's (author).
    const published = await articleIn('published', 'デスクが公開した記事');
    expect((await listNewsroomArticles(conn.db, { who: 'desk', page: 1 })).items.map((a) => a.id)).toEqual(expect.arrayContaining([byDesk, published]));
    expect((await listNewsroomArticles(conn.db, { who: 'kisha', page: 1 })).items.map((a) => a.id)).toContain(published);
    expect((await listNewsroomArticles(conn.db, { who: 'nobody', page: 1 })).totalItems).toBe(0);
  });

  it('stores a new article only once something is typed, under the id its editor page chose', async () => {
    const blank = emptyDraft('world');
    const untouched = createArticle(conn.db, { editorId: editors.reporter.id, draft: { ...blank, section: 'business', headline: '   ' }, now: at(0) });
    await expect(untouched).rejects.toMatchObject({ status: 400, message: expect.stringContaining('入力すると保存') });
    const before = (await listNewsroomArticles(conn.db, { page: 1 })).totalItems;
    expect(isDraftStarted(blank)).toBe(false);
    expect(isDraftStarted({ ...blank, body: '一行だけ。' })).toBe(true);

    const id = 'newdraft';
    const created = await createArticle(conn.db, { editorId: editors.reporter.id, draft: { ...blank, body: '書き出しの一文。' }, id, autosave: true, now: at(1) });
    expect(created.article).toMatchObject({ id, status: 'draft', revision: 1, draft: { body: '書き出しの一文。' } });
    expect(created.invalidate).toEqual([]);
    expect((await listRevisions(conn.db, id)).map((r) => r.action)).toEqual(['create']);
    expect((await listNewsroomArticles(conn.db, { page: 1 })).totalItems).toBe(before + 1);
    // The same new editor saving twice at once (autosave and a click): one article, the second told so.
    await expect(createArticle(conn.db, { editorId: editors.reporter.id, draft: { ...blank, headline: '二度目' }, id, now: at(2) })).rejects.toMatchObject({ status: 409 });
    await expect(createArticle(conn.db, { editorId: editors.reporter.id, draft: { ...blank, section: 'nowhere', headline: '見出し' }, now: at(2) })).rejects.toMatchObject({ status: 400 });
  });

  it('deletes a never-published draft (its 記者\'s own, or any for the desk), keeps its revisions, and only the 管理者 brings it back', async () => {
    const own = await articleIn('draft', '消される下書き');
    const result = await runArticleCommand(conn.db, editors.reporter, own, 'delete', { baseRevision: (await load(own)).revision, now: at(10) });
    expect(result.article.deletedAt).toBe(at(10).toISOString());
    expect(result.invalidate).toEqual([]);
    // Gone from the newsroom: no list, no editor, no command; the revisions stay, with who deleted it.
    expect(await loadNewsroomArticle(conn.db, own)).toBeNull();
    expect((await listNewsroomArticles(conn.db, { page: 1, q: '消される下書き' })).items).toEqual([]);
    expect((await listNewsroomArticles(conn.db, { page: 1, q: '消される下書き', deleted: true })).items.map((a) => a.id)).toEqual([own]);
    expect((await listRevisions(conn.db, own))[0]).toMatchObject({ action: 'delete', editorName: '記者 花子' });
    await expect(runArticleCommand(conn.db, editors.desk, own, 'save', { draft: story(), baseRevision: 4, now: at(11) })).rejects.toMatchObject({ status: 404 });
    await expect(runArticleCommand(conn.db, editors.desk, own, 'delete', { baseRevision: 4, now: at(11) })).rejects.toMatchObject({ status: 404 });
    // Undeleting is the 管理者's alone.
    await expect(runArticleCommand(conn.db, editors.desk, own, 'undelete', { now: at(12) })).rejects.toMatchObject({ status: 403, message: expect.stringContaining('管理者') });
    const back = await runArticleCommand(conn.db, editors.admin, own, 'undelete', { now: at(12) });
    expect(back.article).toMatchObject({ status: 'draft', deletedAt: null, draft: { headline: '消される下書き' } });
    await expect(runArticleCommand(conn.db, editors.admin, own, 'undelete', { now: at(13) })).rejects.toMatchObject({ status: 409 });

    // A 記者 may not delete someone else's draft; the desk may, a submitted one too.
    const byDesk = await createTestDraft(conn.db, editors.desk.id, at(0));
    await expect(runArticleCommand(conn.db, editors.reporter, byDesk, 'delete', { baseRevision: 1, now: at(14) })).rejects.toMatchObject({ status: 403 });
    const submitted = await articleIn('submitted');
    await expect(runArticleCommand(conn.db, editors.desk, submitted, 'delete', { baseRevision: (await load(submitted)).revision, now: at(14) })).resolves.toBeTruthy();
    // A stale page deletes nothing: someone saved since.
    const changed = await articleIn('draft');
    await expect(runArticleCommand(conn.db, editors.desk, changed, 'delete', { baseRevision: 1, now: at(15) })).rejects.toMatchObject({ status: 409 });
    expect((await load(changed)).deletedAt).toBeNull();
  });

  it('never deletes what went public or is due to: published, withdrawn or scheduled, for anyone, with the reason', async () => {
    const reasons: Record<string, RegExp> = { published: /公開中の記事は削除できません/, unpublished: /一度公開した記事は削除できません/, scheduled: /予約を取り消して/ };
    for (const status of ['published', 'unpublished', 'scheduled'] as const) {
      const id = await articleIn(status);
      const before = await load(id);
      for (const role of ROLES) {
        const error = await runArticleCommand(conn.db, editors[role], id, 'delete', { baseRevision: before.revision, now: at(20) }).catch((e: unknown) => e);
        expect(error, `${role} ${status}`).toMatchObject({ status: 409, message: expect.stringMatching(reasons[status]!) });
      }
      expect(await load(id)).toEqual(before);
    }
    // A schedule called off is a draft again, never public: it can go.
    const once = await articleIn('scheduled');
    await runArticleCommand(conn.db, editors.desk, once, 'unschedule', { now: at(21) });
    await expect(runArticleCommand(conn.db, editors.desk, once, 'delete', { baseRevision: (await load(once)).revision, now: at(22) })).resolves.toBeTruthy();
  });
});

