import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as q from '../content/queries';
import {
  CommandError,
  decideInvalidation,
  findNextDue,
  loadNewsroomArticle,
  publishArticle,
  publishDueArticles,
  republishArticle,
  restoreRevision,
  saveArticle,
  scheduleArticle,
  unpublishArticle,
  unscheduleArticle,
} from './articles';
import { createEditor } from './editors';
import type { ArticleDraft } from './draft';
import { decideArticleRouting, loadRoutingSnapshot } from './routing';
import { openTestDatabase, TEST_ENGINES, type TestDatabase } from '../../test/support/database';
import { createTestDraft, seedNewsroomFixtures, storyDraft } from '../../test/support/newsroom-fixtures';

const T0 = new Date('2026-11-20T03:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

describe.each(TEST_ENGINES)('article commands on %s', (engine) => {
  let conn: TestDatabase;
  let editorId: string;

  beforeAll(async () => {
    conn = await openTestDatabase(engine, 'articles', { prepared: true });
    await seedNewsroomFixtures(conn.db);
    editorId = (await createEditor(conn.db, { login: 'desk', name: 'デスク', password: 'a long enough password' })).id;
  }, 60_000);
  afterAll(() => conn?.close());

  const draftOf = async (id: string) => (await loadNewsroomArticle(conn.db, id))!;
  const story = (overrides: Partial<ArticleDraft> = {}): ArticleDraft => storyDraft({ tags: ['tokyo', 'sato'], ...overrides });

  it('creates a draft from its first typed words, which no reader can see', async () => {
    const id = await createTestDraft(conn.db, editorId, T0);
    const article = await draftOf(id);
    expect(article).toMatchObject({ status: 'draft', revision: 1, draft: { headline: '書きかけの見出し', section: 'world' } });
    expect(await q.findArticle(conn.db, id, at(1))).toBeNull();
  });

  it('saves drafts with a revision each, refuses stale forms, and invalidates nothing', async () => {
    const id = await createTestDraft(conn.db, editorId, T0);
    const saved = await saveArticle(conn.db, { id, editorId, draft: story(), baseRevision: 1, now: at(1) });
    expect(saved.article.revision).toBe(2);
    expect(saved.invalidate).toEqual([]);
    expect(saved.article.draft.tags).toEqual(['tokyo', 'sato']);
    await expect(saveArticle(conn.db, { id, editorId, draft: story(), baseRevision: 1, now: at(2) })).rejects.toMatchObject({
      status: 409,
    });
    // Drafts appear in no public list.
    expect((await q.listLatest(conn.db, at(3), 100)).map((a) => a.id)).not.toContain(id);
    expect((await q.listTagArticles(conn.db, 'tokyo', 1, at(3))).items.map((a) => a.id)).not.toContain(id);
  });

  it('refuses unknown taxonomy and unpublishable drafts with Japanese messages', async () => {
    const id = await createTestDraft(conn.db, editorId, T0);
    await expect(saveArticle(conn.db, { id, editorId, draft: story({ tags: ['nope'] }), baseRevision: 1, now: at(1) })).rejects.toThrow(
      /タグ/,
    );
    const error = await publishArticle(conn.db, { id, editorId, draft: story({ headline: '', body: ' ' }), baseRevision: 1, now: at(1) }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CommandError);
    expect((error as CommandError).status).toBe(400);
    expect((error as CommandError).message).toContain('見出しを入力してください。');
    expect((error as CommandError).message).toContain('本文を入力してください。');
  });

  it('cuts raw HTML and unsafe links from the body on save', async () => {
    const id = await createTestDraft(conn.db, editorId, T0);
    const body = '安全な段落。<script>alert(1)</script>\n\n[罠](javascript:alert(1))\n\n<img src=x onerror=alert(1)>';
    const saved = await saveArticle(conn.db, { id, editorId, draft: story({ body }), baseRevision: 1, now: at(1) });
    expect(saved.removedFromBody).toBeGreaterThan(0);
    expect(saved.article.draft.body).not.toMatch(/<script|javascript:|onerror/i);
    expect(saved.article.draft.body).toContain('罠');
  });

  it('publishes: public at once, exact tags to invalidate, and an 更新 shows 更新', async () => {
    const id = await createTestDraft(conn.db, editorId, T0);
    const published = await publishArticle(conn.db, { id, editorId, draft: story({ series: 'chronicle' }), baseRevision: 1, now: at(1) });
    expect(published.article.status).toBe('published');
    expect(published.invalidate.sort()).toEqual(
      ['article:' + id, 'articles', 'section:world', 'topic:harbor', 'tag:tokyo', 'tag:sato', 'series:chronicle'].sort(),
    );
    const live = await q.findArticle(conn.db, id, at(2));
    expect(live).toMatchObject({ headline: '港の再開発、来春に着工へ', isUpdated: false });

    await expect(saveArticle(conn.db, { id, editorId, draft: story(), baseRevision: 2, now: at(3) })).rejects.toMatchObject({ status: 409 });
    const corrected = await republishArticle(conn.db, {
      id,
      editorId,
      kind: 'update',
      draft: story({ headline: '港の再開発、来春に着工(訂正)', section: 'business', tags: ['tokyo'], series: 'chronicle' }),
      baseRevision: 2,
      now: at(10),
    });
    // Both the old and the new section's, and the dropped tag's, pages change.
    expect(corrected.invalidate).toEqual(expect.arrayContaining(['section:world', 'section:business', 'tag:sato']));
    const after = await q.findArticle(conn.db, id, at(11));
    expect(after).toMatchObject({ headline: '港の再開発、来春に着工(訂正)', isUpdated: true, publishedAt: at(1).toISOString() });
  });

  it('withdraws an article (410 from then on) and republishes it with its first date', async () => {
    const id = await createTestDraft(conn.db, editorId, T0);
    await publishArticle(conn.db, { id, editorId, draft: story(), baseRevision: 1, now: at(1) });
    const withdrawn = await unpublishArticle(conn.db, { id, editorId, now: at(5) });
    expect(withdrawn.invalidate).toContain(`article:${id}`);
    expect(await q.findArticle(conn.db, id, at(6))).toBeNull();
    expect(decideArticleRouting(`/articles/${id}`, await loadRoutingSnapshot(conn.db))).toEqual({ kind: 'gone' });
    expect(decideArticleRouting(`/articles/${id}/2`, await loadRoutingSnapshot(conn.db))).toEqual({ kind: 'gone' });

    const back = await publishArticle(conn.db, { id, editorId, baseRevision: withdrawn.article.revision, now: at(30) });
    expect(back.article.publishedAt).toBe(at(1).toISOString());
    expect(await q.findArticle(conn.db, id, at(31))).toMatchObject({ isUpdated: true });
    expect(decideArticleRouting(`/articles/${id}`, await loadRoutingSnapshot(conn.db))).toBeNull();
  });

  it('answers 301 for the pages a correction removed', async () => {
    const id = await createTestDraft(conn.db, editorId, T0);
    const threePages = story({ body: '一ページ目。\n\n::pagebreak\n\n二ページ目。\n\n::pagebreak\n\n三ページ目。' });
    const p = await publishArticle(conn.db, { id, editorId, draft: threePages, baseRevision: 1, now: at(1) });
    expect(decideArticleRouting(`/articles/${id}/3`, await loadRoutingSnapshot(conn.db))).toBeNull();
    await republishArticle(conn.db, { id, editorId, kind: 'fix', draft: story({ body: '一ページにまとめた。' }), baseRevision: p.article.revision, now: at(5) });
    const snapshot = await loadRoutingSnapshot(conn.db);
    expect(decideArticleRouting(`/articles/${id}/3`, snapshot)).toEqual({ kind: 'moved', location: `/articles/${id}` });
    expect(decideArticleRouting(`/articles/${id}/2`, snapshot)).toEqual({ kind: 'moved', location: `/articles/${id}` });
    expect(decideArticleRouting(`/articles/${id}`, snapshot)).toBeNull();
  });

  it('schedules in the future only, publishes when due (also late, after downtime), exactly once', async () => {
    const id = await createTestDraft(conn.db, editorId, T0);
    await expect(scheduleArticle(conn.db, { id, editorId, draft: story(), baseRevision: 1, at: at(-1), now: T0 })).rejects.toThrow(
      /現在より後/,
    );
    const scheduled = await scheduleArticle(conn.db, { id, editorId, draft: story(), baseRevision: 1, at: at(60), now: T0 });
    expect(scheduled.article.status).toBe('scheduled');
    expect(scheduled.invalidate).toEqual([]);
    expect(await findNextDue(conn.db)).toEqual(at(60));
    expect((await publishDueArticles(conn.db, at(59))).published).not.toContain(id);
    expect(await q.findArticle(conn.db, id, at(59))).toBeNull();

    // The server was down at the due time and comes back three hours later.
    const due = await publishDueArticles(conn.db, at(240));
    expect(due.published).toContain(id);
    expect(due.invalidate).toEqual(expect.arrayContaining([`article:${id}`, 'articles', 'section:world']));
    expect(await q.findArticle(conn.db, id, at(241))).toMatchObject({ publishedAt: at(60).toISOString(), isUpdated: false });
    expect((await publishDueArticles(conn.db, at(241))).published).not.toContain(id);
  });

  it('publishes a due schedule once when several instances fire at the same moment', async () => {
    const id = await createTestDraft(conn.db, editorId, T0);
    await scheduleArticle(conn.db, { id, editorId, draft: story(), baseRevision: 1, at: at(60), now: T0 });
    // Each instance's scheduler ticks on its own connection (a pool on PostgreSQL): the same due row, at once.
    const runs = await Promise.all([0, 1, 2, 3].map(() => publishDueArticles(conn.db, at(61))));
    expect(runs.filter((run) => run.published.includes(id))).toHaveLength(1);
    const revisions = await conn.db.selectFrom('article_revisions').select('action').where('article_id', '=', id).where('action', '=', 'publish').execute();
    expect(revisions).toHaveLength(1);
  });

  it('cancels a schedule back to draft', async () => {
    const id = await createTestDraft(conn.db, editorId, T0);
    await scheduleArticle(conn.db, { id, editorId, draft: story(), baseRevision: 1, at: at(60), now: T0 });
    const back = await unscheduleArticle(conn.db, { id, editorId, now: at(1) });
    expect(back.article).toMatchObject({ status: 'draft', publishedAt: null });
    expect((await publishDueArticles(conn.db, at(120))).published).not.toContain(id);
  });

  it('keeps every save as a revision, coalesces autosaves, and restores an old one', async () => {
    const id = await createTestDraft(conn.db, editorId, T0);
    const first = await saveArticle(conn.db, { id, editorId, draft: story({ headline: '第一稿' }), baseRevision: 1, now: at(1) });
    const auto1 = await saveArticle(conn.db, { id, editorId, draft: story({ headline: '第二稿' }), baseRevision: 2, now: at(2), autosave: true });
    const auto2 = await saveArticle(conn.db, { id, editorId, draft: story({ headline: '第三稿' }), baseRevision: 3, now: at(3), autosave: true });
    expect(auto1.article.revision).toBe(3);
    expect(auto2.article.revision).toBe(3);
    const restored = await restoreRevision(conn.db, { id, editorId, number: first.article.revision, baseRevision: 3, now: at(4) });
    expect(restored.article.draft.headline).toBe('第一稿');
    expect(restored.article.revision).toBe(4);
    const actions = await conn.db.selectFrom('article_revisions').select(['number', 'action']).where('article_id', '=', id).orderBy('number').execute();
    expect(actions.map((r) => r.action)).toEqual(['create', 'save', 'autosave', 'restore']);
  });

  it('lets only the preview read past the public filter', async () => {
    const id = await createTestDraft(conn.db, editorId, T0);
    await saveArticle(conn.db, { id, editorId, draft: story({ headline: '下書きの見出し' }), baseRevision: 1, now: at(1) });
    expect(await q.findArticle(conn.db, id, at(2))).toBeNull();
    expect(await q.findArticle(conn.db, id, at(2), { anyStatus: true })).toMatchObject({ headline: '下書きの見出し' });
    expect(await q.findArticleStatus(conn.db, id)).toEqual({ status: 'draft', publishedAt: null });
  });

  it('invalidates nothing for changes no reader can see', () => {
    const hidden = { public: false, section: 'world', topics: [], tags: [], series: null };
    expect(decideInvalidation('abcdefgh', hidden, hidden)).toEqual([]);
    expect(decideInvalidation('abcdefgh', null, hidden)).toEqual([]);
  });
});
