import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuthorArticles } from '../content/authors';
import * as q from '../content/queries';
import { openTestDatabase, TEST_ENGINES, type TestDatabase } from '../../test/support/database';
import { buildNewsArticle } from '../seo/json-ld';
import { buildArticleMetadata } from '../seo/metadata';
import { CommandError, loadNewsroomArticle, publishArticle, restoreRevision, saveArticle } from './articles';
import { parseDraft, type ArticleDraft } from './draft';
import { createEditor } from './editors';
import { createTestDraft, seedNewsroomFixtures, storyDraft } from '../../test/support/newsroom-fixtures';

const T0 = new Date('2026-11-20T03:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const SITE = 'https://kiji.example';

describe.each(TEST_ENGINES)('the byline, SEO wording and credit of newsroom articles on %s', (engine) => {
  let conn: TestDatabase;
  let editorId: string;

  beforeAll(async () => {
    conn = await openTestDatabase(engine, 'article-fields', { prepared: true });
    await seedNewsroomFixtures(conn.db);
    editorId = (await createEditor(conn.db, { login: 'fields', name: 'デスク', password: 'a long enough password' })).id;
  }, 60_000);
  afterAll(() => conn?.close());

  const story = (overrides: Partial<ArticleDraft> = {}): ArticleDraft => storyDraft({ body: '本文の一段落目。', topics: [], tags: [], ...overrides });

  it('publishes the byline in the chosen order: the page, the author page and JSON-LD show it', async () => {
    const id = await createTestDraft(conn.db, editorId, T0);
    const saved = await saveArticle(conn.db, { id, editorId, draft: story({ authors: ['suzuki', 'tanaka'] }), baseRevision: 1, now: at(1) });
    expect(saved.article.draft.authors).toEqual(['suzuki', 'tanaka']);
    // A draft's byline is nobody's public work yet.
    expect((await listAuthorArticles(conn.db, 'suzuki', 1, at(2))).items.map((a) => a.id)).not.toContain(id);

    await publishArticle(conn.db, { id, editorId, baseRevision: 2, now: at(3) });
    const live = (await q.findArticle(conn.db, id, at(4)))!;
    expect(live.authors.map((a) => a.name)).toEqual(['鈴木花子', '田中一郎']);
    expect((await listAuthorArticles(conn.db, 'tanaka', 1, at(4))).items.map((a) => a.id)).toContain(id);
    expect(buildNewsArticle(live, SITE)).toMatchObject({
      author: [
        { '@type': 'Person', name: '鈴木花子', url: `${SITE}/authors/suzuki` },
        { '@type': 'Person', name: '田中一郎', url: `${SITE}/authors/tanaka` },
      ],
    });
  });

  it('credits a wire story without authors to its agency', async () => {
    const id = await createTestDraft(conn.db, editorId, T0);
    await publishArticle(conn.db, { id, editorId, draft: story({ agency: 'wire', wireCode: 'W-1' }), baseRevision: 1, now: at(1) });
    const live = (await q.findArticle(conn.db, id, at(2)))!;
    expect(live.authors).toEqual([]);
    expect(buildNewsArticle(live, SITE)).toMatchObject({ author: [{ '@type': 'Organization', name: '共同配信' }] });
  });

  it('refuses an unknown author with a Japanese message and changes nothing', async () => {
    const id = await createTestDraft(conn.db, editorId, T0);
    await saveArticle(conn.db, { id, editorId, draft: story({ authors: ['tanaka'] }), baseRevision: 1, now: at(1) });
    const error = await saveArticle(conn.db, { id, editorId, draft: story({ headline: '新しい見出し', authors: ['tanaka', 'nobody'] }), baseRevision: 2, now: at(2) }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CommandError);
    expect(error).toMatchObject({ status: 400, message: expect.stringContaining('署名に登録されていない著者があります(nobody)') });
    const stored = (await loadNewsroomArticle(conn.db, id))!;
    expect(stored).toMatchObject({ revision: 2, draft: { headline: '港の再開発、来春に着工へ', authors: ['tanaka'] } });
  });

  it('uses the SEO title and description for <title>, the description and link previews; the page keeps its headline', async () => {
    const id = await createTestDraft(conn.db, editorId, T0);
    const draft = story({ seoTitle: '港の再開発、来春着工 市が計画見直し', seoDescription: '市は港の再開発計画の見直しを終え、来春に着工する。' });
    await publishArticle(conn.db, { id, editorId, draft, baseRevision: 1, now: at(1) });
    const live = (await q.findArticle(conn.db, id, at(2)))!;
    expect(live.headline).toBe('港の再開発、来春に着工へ');
    const meta = buildArticleMetadata(live, 1);
    expect(meta.title).toBe('港の再開発、来春着工 市が計画見直し');
    expect(meta.description).toBe('市は港の再開発計画の見直しを終え、来春に着工する。');
    expect(meta.openGraph).toMatchObject({ title: '港の再開発、来春着工 市が計画見直し', description: '市は港の再開発計画の見直しを終え、来春に着工する。' });
    expect(meta.twitter).toMatchObject({ title: '港の再開発、来春着工 市が計画見直し' });
    expect(buildNewsArticle(live, SITE)).toMatchObject({ headline: '港の再開発、来春に着工へ' });
  });

  it('without SEO wording, names the page by its headline and standfirst as before', async () => {
    const id = await createTestDraft(conn.db, editorId, T0);
    await publishArticle(conn.db, { id, editorId, draft: story(), baseRevision: 1, now: at(1) });
    const meta = buildArticleMetadata((await q.findArticle(conn.db, id, at(2)))!, 2);
    expect(meta.title).toBe('港の再開発、来春に着工へ(2ページ目)');
    expect(meta.description).toBe('市は計画の見直しを終えた。');
  });

  it('stores a credit without the 写真: the site prints', async () => {
    await conn.db.insertInto('media').values({ path: 'uploads/fields.webp', content_type: 'image/webp', bytes: new Uint8Array([1]), width: 1200, height: 800, created_at: T0.toISOString() }).execute();
    const parsed = parseDraft({ ...story(), hero: { src: '/media/uploads/fields.webp', width: 1200, height: 800, alt: '港', caption: '', credit: '写真:Kiji編集部' } });
    if (!parsed.ok) throw new Error(parsed.error);
    const id = await createTestDraft(conn.db, editorId, T0);
    await publishArticle(conn.db, { id, editorId, draft: parsed.draft, baseRevision: 1, now: at(1) });
    expect((await q.findArticle(conn.db, id, at(2)))!.hero?.credit).toBe('Kiji編集部');
  });

  it('gives link previews the chosen share picture, and refuses one that was never uploaded', async () => {
    await conn.db.insertInto('media').values({ path: 'uploads/share.webp', content_type: 'image/webp', bytes: new Uint8Array([1]), width: 2400, height: 1260, created_at: T0.toISOString() }).execute();
    const id = await createTestDraft(conn.db, editorId, T0);
    const missing = story({ socialImage: { src: '/media/uploads/none.webp', width: 1200, height: 630 } });
    await expect(saveArticle(conn.db, { id, editorId, draft: missing, baseRevision: 1, now: at(1) })).rejects.toMatchObject({
      status: 400,
      message: '共有用の画像が見つかりません。選び直してください。',
    });
    await publishArticle(conn.db, { id, editorId, draft: story({ socialImage: { src: '/media/uploads/share.webp', width: 2400, height: 1260 } }), baseRevision: 1, now: at(2) });
    expect((await loadNewsroomArticle(conn.db, id))!.draft.socialImage).toEqual({ src: '/media/uploads/share.webp', width: 2400, height: 1260 });
    const meta = buildArticleMetadata((await q.findArticle(conn.db, id, at(3)))!, 1);
    expect(meta.openGraph?.images).toEqual([{ url: '/crops/og/uploads/share.webp.jpg', width: 1200, height: 630, alt: '港の再開発、来春に着工へ' }]);
  });

  it('restoring a version saved before bylines existed keeps the byline', async () => {
    const id = await createTestDraft(conn.db, editorId, T0);
    await saveArticle(conn.db, { id, editorId, draft: story({ authors: ['tanaka'] }), baseRevision: 1, now: at(1) });
    // Revision 1 as issue 15 found it: a snapshot without the new fields.
    const { authors: _a, seoTitle: _t, seoDescription: _d, socialImage: _s, ...old } = story({ headline: '古い見出し' });
    await conn.db.updateTable('article_revisions').set({ snapshot: JSON.stringify(old) }).where('article_id', '=', id).where('number', '=', 1).execute();
    const restored = await restoreRevision(conn.db, { id, editorId, number: 1, baseRevision: 2, now: at(2) });
    expect(restored.article.draft).toMatchObject({ headline: '古い見出し', authors: ['tanaka'], seoTitle: null });
  });
});
