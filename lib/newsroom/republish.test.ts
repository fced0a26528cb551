import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFeedArticles } from '../content/feeds';
import * as q from '../content/queries';
import { openTestDatabase, TEST_ENGINES, type TestDatabase } from '../../test/support/database';
import { buildNewsArticle, serializeJsonLd } from '../seo/json-ld';
import { buildRssFeed } from '../seo/rss';
import { checkWellFormed } from '../../test/support/validators';
import { toJstIso } from '../time/jst';
import { CommandError, loadNewsroomArticle, publishArticle, republishArticle, saveArticle } from './articles';
import { checkCorrectionNotice, CORRECTION_NOTICE_EMPTY, CORRECTION_NOTICE_MAX } from './corrections';
import { emptyDraft, type ArticleDraft } from './draft';
import { createEditor } from './editors';
import { listRevisions } from './queries';
import { createTestDraft, seedNewsroomFixtures } from '../../test/support/newsroom-fixtures';

// ADR 0034: 軽微な修正, 更新 and 訂正 as readers, crawlers and feed readers see them.

const SITE = 'https://kiji.example';
const T0 = new Date('2026-12-05T01:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const NOTICE = '(訂正)12月5日に配信した記事で、職員の数を「約1500人」としたのは「約1200人」の誤りでした。訂正します。';

describe('checkCorrectionNotice', () => {
  it('refuses an empty or blank notice in Japanese', () => {
    for (const raw of ['', '   ', '\n\u3000\n', '\u202E', undefined, 42]) {
      expect(checkCorrectionNotice(raw)).toEqual({ ok: false, error: CORRECTION_NOTICE_EMPTY });
    }
  });
  it('cleans controls and line ends, keeps one blank line between paragraphs', () => {
    expect(checkCorrectionNotice('  一行目\u202E。\r\n\r\n\r\n\r\n二行目 \r\n三行目  ')).toEqual({ ok: true, text: '一行目。\n\n二行目\n三行目' });
  });
  it('counts characters, not UTF-16 units, against the limit', () => {
    expect(checkCorrectionNotice('𠮷'.repeat(CORRECTION_NOTICE_MAX)).ok).toBe(true);
    const long = checkCorrectionNotice('あ'.repeat(CORRECTION_NOTICE_MAX + 1));
    expect(long.ok).toBe(false);
    expect(!long.ok && long.error).toContain(`${CORRECTION_NOTICE_MAX}文字以内`);
  });
});

describe.each(TEST_ENGINES)('republishing a live article on %s', (engine) => {
  let conn: TestDatabase;
  let editorId: string;

  beforeAll(async () => {
    conn = await openTestDatabase(engine, 'republish', { prepared: true });
    await seedNewsroomFixtures(conn.db);
    editorId = (await createEditor(conn.db, { login: 'desk', name: 'デスク', password: 'a long enough password' })).id;
  }, 60_000);
  afterAll(() => conn?.close());

  const story = (overrides: Partial<ArticleDraft> = {}): ArticleDraft => ({
    ...emptyDraft('world'),
    headline: '市職員の給与見直し案を公表',
    standfirst: '市は職員の給与体系の見直し案を公表した。',
    body: '市は5日、約1500人の職員を対象に給与を見直す案を公表した。\n\n## 今後\n\n議会に諮る。',
    topics: ['harbor'],
    tags: ['tokyo'],
    ...overrides,
  });

  /** A story published at T0 + 1 min; its current revision number. */
  async function publishStory(): Promise<{ id: string; revision: number }> {
    const id = await createTestDraft(conn.db, editorId, T0);
    const published = await publishArticle(conn.db, { id, editorId, draft: story(), baseRevision: 1, now: at(1) });
    return { id, revision: published.article.revision };
  }
  const actionsOf = async (id: string) =>
    (await conn.db.selectFrom('article_revisions').select('action').where('article_id', '=', id).orderBy('number').execute()).map((r) => r.action);
  const correctionsOf = (id: string) =>
    conn.db.selectFrom('article_corrections').select(['text', 'created_at', 'editor_id', 'revision_number']).where('article_id', '=', id).orderBy('created_at').execute();

  it('軽微な修正: the text changes, the updated time and dateModified stay, no notice, revision `fix`', async () => {
    const { id, revision } = await publishStory();
    const before = await q.findArticle(conn.db, id, at(2));
    const fixed = await republishArticle(conn.db, { id, editorId, kind: 'fix', draft: story({ headline: '市職員の給与見直し案を公表。' }), baseRevision: revision, now: at(120) });
    expect(fixed.article.updatedAt).toBe(at(1).toISOString());
    // The page still changed: its own tag and every listing showing its headline.
    expect(fixed.invalidate).toEqual(expect.arrayContaining([`article:${id}`, 'articles', 'section:world', 'topic:harbor', 'tag:tokyo']));
    const after = await q.findArticle(conn.db, id, at(121));
    expect(after).toMatchObject({ headline: '市職員の給与見直し案を公表。', isUpdated: false, corrections: [], updatedAt: before!.updatedAt });
    expect(buildNewsArticle(after!, SITE).dateModified).toBe(buildNewsArticle(before!, SITE).dateModified);
    expect(await actionsOf(id)).toEqual(['create', 'publish', 'fix']);
    expect(await correctionsOf(id)).toEqual([]);
  });

  it('更新: the updated time moves, so 更新 shows and dateModified moves; no notice, revision `update`', async () => {
    const { id, revision } = await publishStory();
    const updated = await republishArticle(conn.db, {
      id,
      editorId,
      kind: 'update',
      draft: story({ body: `${story().body}\n\n市長は6日、見直し案について会見する予定。` }),
      baseRevision: revision,
      // A notice sent with an 更新 is not a 訂正: nothing is kept.
      notice: NOTICE,
      now: at(90),
    });
    expect(updated.article.updatedAt).toBe(at(90).toISOString());
    expect(updated.invalidate).toEqual(expect.arrayContaining([`article:${id}`, 'articles', 'section:world']));
    const after = await q.findArticle(conn.db, id, at(91));
    expect(after).toMatchObject({ isUpdated: true, updatedAt: at(90).toISOString(), corrections: [] });
    const data = buildNewsArticle(after!, SITE) as unknown as Record<string, unknown>;
    expect(data.dateModified).toBe(toJstIso(at(90)));
    expect(data).not.toHaveProperty('correction');
    expect(await actionsOf(id)).toEqual(['create', 'publish', 'update']);
    expect(await correctionsOf(id)).toEqual([]);
  });

  it('訂正 without a notice is refused in Japanese and writes nothing', async () => {
    const { id, revision } = await publishStory();
    for (const notice of [undefined, '', ' \n\u3000 ']) {
      const error = await republishArticle(conn.db, { id, editorId, kind: 'correct', draft: story({ body: '約1200人' }), baseRevision: revision, notice, now: at(30) }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(CommandError);
      expect(error).toMatchObject({ status: 400, message: CORRECTION_NOTICE_EMPTY });
    }
    const stored = await loadNewsroomArticle(conn.db, id);
    expect(stored).toMatchObject({ revision, updatedAt: at(1).toISOString(), draft: { body: story().body } });
    expect(await actionsOf(id)).toEqual(['create', 'publish']);
    expect(await correctionsOf(id)).toEqual([]);
  });

  it('訂正: a dated notice on the article, in its JSON-LD, its feed item and its history; 更新 shows', async () => {
    const { id, revision } = await publishStory();
    const corrected = await republishArticle(conn.db, {
      id,
      editorId,
      kind: 'correct',
      draft: story({ body: story().body.replace('約1500人', '約1200人') }),
      baseRevision: revision,
      notice: `  ${NOTICE}\r\n`,
      now: at(180),
    });
    expect(corrected.invalidate).toEqual(expect.arrayContaining([`article:${id}`, 'articles', 'section:world', 'topic:harbor', 'tag:tokyo']));
    expect(corrected.article.updatedAt).toBe(at(180).toISOString());
    expect(await correctionsOf(id)).toEqual([{ text: NOTICE, created_at: at(180).toISOString(), editor_id: editorId, revision_number: corrected.article.revision }]);
    expect(await actionsOf(id)).toEqual(['create', 'publish', 'correct']);

    // A second correction, with no change to the text: the notice is the change.
    const again = await republishArticle(conn.db, {
      id,
      editorId,
      kind: 'correct',
      draft: corrected.article.draft,
      baseRevision: corrected.article.revision,
      notice: '(訂正)見出しの日付に誤りがありました。訂正しました。',
      now: at(240),
    });

    // The reader's article: both notices, oldest first, and 更新 at the latest.
    const article = await q.findArticle(conn.db, id, at(241));
    expect(article).toMatchObject({ isUpdated: true, updatedAt: at(240).toISOString() });
    expect(article!.corrections).toEqual([
      { text: NOTICE, publishedAt: at(180).toISOString() },
      { text: '(訂正)見出しの日付に誤りがありました。訂正しました。', publishedAt: at(240).toISOString() },
    ]);
    expect(article!.pages.flat().map((b) => JSON.stringify(b)).join('')).toContain('約1200人');

    // JSON-LD: schema.org CorrectionComment each, text and a Japan-time datePublished between publication and modification.
    const data = buildNewsArticle(article!, SITE) as unknown as { correction: Record<string, string>[]; datePublished: string; dateModified: string };
    expect(data.correction).toEqual([
      { '@type': 'CorrectionComment', text: NOTICE, datePublished: '2026-12-05T13:00:00+09:00' },
      { '@type': 'CorrectionComment', text: '(訂正)見出しの日付に誤りがありました。訂正しました。', datePublished: '2026-12-05T14:00:00+09:00' },
    ]);
    for (const c of data.correction) {
      expect(Date.parse(c.datePublished!)).toBeGreaterThanOrEqual(Date.parse(data.datePublished));
      expect(Date.parse(c.datePublished!)).toBeLessThanOrEqual(Date.parse(data.dateModified));
    }
    expect(JSON.parse(serializeJsonLd(data))).toEqual(data);

    // The feed item carries the notices after its description, dated.
    const items = await listFeedArticles(conn.db, at(241));
    const item = items.find((a) => a.id === id)!;
    expect(item.corrections).toHaveLength(2);
    const xml = buildRssFeed({ title: 'Kiji', description: 'd', link: '/', self: '/feed.xml', logo: '/brand/kiji-logo.png', copyright: '© Kiji' }, [item], SITE, at(241));
    expect(checkWellFormed(xml).ok).toBe(true);
    const parsed = (await new Parser().parseString(xml)).items.find((i) => i.link === `${SITE}/articles/${id}`);
    expect(parsed?.content).toContain(`【訂正 2026年12月5日(土)13時00分】${NOTICE}`);
    expect(parsed?.content?.startsWith(story().standfirst)).toBe(true);

    // The history: each 訂正 revision carries its notice.
    const revisions = await listRevisions(conn.db, id);
    expect(revisions.map((r) => [r.action, r.correction])).toEqual([
      ['correct', '(訂正)見出しの日付に誤りがありました。訂正しました。'],
      ['correct', NOTICE],
      ['publish', null],
      ['create', null],
    ]);
    expect(again.article.revision).toBe(revisions[0]!.number);
  });

  it('republishes only live articles, and a draft is not republished by any kind', async () => {
    const id = await createTestDraft(conn.db, editorId, T0);
    await saveArticle(conn.db, { id, editorId, draft: story(), baseRevision: 1, now: at(1) });
    for (const kind of ['fix', 'update', 'correct'] as const) {
      await expect(republishArticle(conn.db, { id, editorId, kind, draft: story(), baseRevision: 2, notice: NOTICE, now: at(2) })).rejects.toMatchObject({ status: 409 });
    }
    expect(await correctionsOf(id)).toEqual([]);
    expect(await q.findArticle(conn.db, id, at(3))).toBeNull();
    // And a live article is never saved as a draft: the message names the three choices.
    const { id: live, revision } = await publishStory();
    await expect(saveArticle(conn.db, { id: live, editorId, draft: story(), baseRevision: revision, now: at(3) })).rejects.toThrow(/軽微な修正.*更新.*訂正/);
  });

  it('refuses a stale form for every kind, keeping nothing', async () => {
    const { id, revision } = await publishStory();
    await republishArticle(conn.db, { id, editorId, kind: 'fix', draft: story({ headline: '別の編集者の修正' }), baseRevision: revision, now: at(5) });
    await expect(
      republishArticle(conn.db, { id, editorId, kind: 'correct', draft: story(), baseRevision: revision, notice: NOTICE, now: at(6) }),
    ).rejects.toMatchObject({ status: 409 });
    expect(await correctionsOf(id)).toEqual([]);
  });
});
