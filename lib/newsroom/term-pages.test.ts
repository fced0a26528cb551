import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAuthor, listPublicBylineSlugs } from '../content/authors';
import { findSeries } from '../content/queries';
import { insertTestArticles, openTestDatabase, TEST_ENGINES, type TestDatabase } from '../../test/support/database';
import { addPicture } from './pictures';
import { createTermPage, deleteTermPage, findTermPage, listTermPages, TermPageError, TERMS_PER_PAGE, updateTermPage } from './term-pages';

/**
 * 特集・連載・筆者 on both databases (ADR 0050): the lists count the articles
 * that use each term (public, and every other row that links it), search
 * name, URL and description, and page; edits are what readers then read;
 * a duplicate address or name, an unknown slug and a portrait that is not
 * in the library are refused with the reason; a term in use is never
 * deleted, an unused one is.
 */

const NOW = new Date('2026-12-05T03:00:00Z');
const HOUR = 3_600_000;
const id = (letter: string) => `${letter.repeat(4)}2345`;
const [PUB1, PUB2, DRAFT, LATER] = [id('a'), id('b'), id('c'), id('d')] as [string, string, string, string];

async function rejection(promise: Promise<unknown>): Promise<TermPageError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TermPageError);
  return error as TermPageError;
}

describe.each(TEST_ENGINES)('topics, series and authors on %s', (engine) => {
  let conn: TestDatabase;
  let portraitSrc: string;

  beforeAll(async () => {
    conn = await openTestDatabase(engine, 'term-pages', { prepared: true });
    const db = conn.db;
    await db
      .insertInto('topics')
      .values([
        { slug: 'rice-prices', name: 'コメ価格', description: '主食米の価格と流通' },
        { slug: 'ai-rules', name: 'AIルールづくり', description: '生成AIの規制' },
        { slug: 'unused-topic', name: '使われていない特集', description: '' },
      ])
      .execute();
    await db
      .insertInto('series')
      .values([
        { slug: 'tohoku-kitchens', name: '東北の台所から', description: '食卓の物語', sponsored: 0, sponsor_name: null },
        { slug: 'future-mobility', name: '未来のモビリティ', description: '移動の未来', sponsored: 1, sponsor_name: 'ミライ交通株式会社' },
      ])
      .execute();
    await db
      .insertInto('authors')
      .values([
        { slug: 'ito-sayaka', name: '伊東さやか', role: '経済部記者' },
        { slug: 'okada-rie', name: '岡田理恵', role: '社会部記者' },
      ])
      .execute();
    await insertTestArticles(conn, [
      { id: PUB1, publishedAt: new Date(NOW.getTime() - 2 * HOUR) },
      { id: PUB2, publishedAt: new Date(NOW.getTime() - HOUR) },
      { id: DRAFT, status: 'draft', publishedAt: new Date(NOW.getTime() - HOUR) },
      // Published, but its time has not come: not public yet.
      { id: LATER, publishedAt: new Date(NOW.getTime() + HOUR) },
    ]);
    await db.insertInto('article_topics').values([PUB1, PUB2, DRAFT].map((article_id) => ({ article_id, topic_slug: 'rice-prices', position: 0 }))).execute();
    await db.insertInto('article_topics').values({ article_id: LATER, topic_slug: 'ai-rules', position: 0 }).execute();
    await db.updateTable('articles').set({ series_slug: 'tohoku-kitchens' }).where('id', 'in', [PUB1, DRAFT]).execute();
    await db.insertInto('article_authors').values([
      { article_id: PUB1, author_slug: 'okada-rie', position: 0 },
      { article_id: PUB1, author_slug: 'ito-sayaka', position: 1 },
      { article_id: DRAFT, author_slug: 'ito-sayaka', position: 0 },
    ]).execute();
    portraitSrc = '/media/uploads/2026/12/portrait000001.webp';
    await addPicture(db, { src: portraitSrc, width: 800, height: 1000, byteSize: 40_000, uploadedBy: null, caption: '伊東さやか記者', credit: 'Kiji編集部' });
  }, 60_000);
  afterAll(() => conn?.close());

  it('lists each kind most-read first, counting public articles and every other row that links them', async () => {
    const topics = await listTermPages(conn.db, 'topics', { now: NOW });
    expect(topics.items.map((t) => [t.slug, t.use])).toEqual([
      ['rice-prices', { public: 2, other: 1 }],
      ['ai-rules', { public: 0, other: 1 }],
      ['unused-topic', { public: 0, other: 0 }],
    ]);
    expect(topics.totals).toEqual({ topics: 3, series: 2, authors: 2 });
    expect({ page: topics.page, hasNext: topics.hasNext, matched: topics.matched }).toEqual({ page: 1, hasNext: false, matched: 3 });

    const series = await listTermPages(conn.db, 'series', { now: NOW });
    expect(series.items.map((s) => [s.slug, s.use.public, s.use.other, s.sponsored, s.sponsorName])).toEqual([
      ['tohoku-kitchens', 1, 1, false, null],
      ['future-mobility', 0, 0, true, 'ミライ交通株式会社'],
    ]);
    const authors = await listTermPages(conn.db, 'authors', { now: NOW });
    expect(authors.items.map((a) => [a.slug, a.detail, a.use])).toEqual([
      ['ito-sayaka', '経済部記者', { public: 1, other: 1 }],
      ['okada-rie', '社会部記者', { public: 1, other: 0 }],
    ]);
  });

  it('searches name, URL and description, every word, case-insensitively', async () => {
    const find = async (kind: 'topics' | 'authors', query: string) => (await listTermPages(conn.db, kind, { query, now: NOW })).items.map((t) => t.slug);
    expect(await find('topics', 'コメ')).toEqual(['rice-prices']);
    expect(await find('topics', 'AI')).toEqual(['ai-rules']);
    expect(await find('topics', 'ai 規制')).toEqual(['ai-rules']);
    expect(await find('topics', 'ai 流通')).toEqual([]);
    expect(await find('topics', '100%')).toEqual([]);
    expect(await find('authors', '社会部')).toEqual(['okada-rie']);
    expect(await find('authors', 'ITO')).toEqual(['ito-sayaka']);
  });

  it('pages a long list', async () => {
    const many = Array.from({ length: TERMS_PER_PAGE + 3 }, (_, i) => ({ slug: `bulk-${String(i).padStart(3, '0')}`, name: `一括${i}`, description: 'まとめて作った特集' }));
    await conn.db.insertInto('topics').values(many).execute();
    try {
      const first = await listTermPages(conn.db, 'topics', { query: 'まとめて', now: NOW });
      const second = await listTermPages(conn.db, 'topics', { query: 'まとめて', page: 2, now: NOW });
      expect([first.items.length, first.hasNext, second.items.length, second.hasNext, second.matched]).toEqual([TERMS_PER_PAGE, true, 3, false, TERMS_PER_PAGE + 3]);
      expect(new Set([...first.items, ...second.items].map((t) => t.slug)).size).toBe(TERMS_PER_PAGE + 3);
      // A page past the end is the last page, not an empty one.
      expect((await listTermPages(conn.db, 'topics', { query: 'まとめて', page: 99, now: NOW })).page).toBe(2);
    } finally {
      await conn.db.deleteFrom('topics').where('slug', 'like', 'bulk-%').execute();
    }
  });

  it('creates a term readers then find at its address, and refuses an address or a name already taken', async () => {
    expect(await createTermPage(conn.db, 'series', 'machi-no-hito', { name: '街の人', description: '商店街を歩く', sponsored: false, sponsorName: '' })).toEqual({
      invalidate: ['series:machi-no-hito', 'taxonomy'],
    });
    expect(await findSeries(conn.db, 'machi-no-hito')).toEqual({ slug: 'machi-no-hito', name: '街の人', description: '商店街を歩く', sponsored: false, sponsorName: null });

    const taken = await rejection(createTermPage(conn.db, 'series', 'machi-no-hito', { name: '別の連載', description: '', sponsored: false, sponsorName: '' }));
    expect([taken.status, taken.message]).toEqual([409, 'URL「machi-no-hito」の連載はすでにあります。別のURLにするか、一覧から開いて編集してください。']);
    const sameName = await rejection(createTermPage(conn.db, 'topics', 'rice', { name: 'コメ価格', description: '' }));
    expect([sameName.status, sameName.message]).toEqual([409, '特集「コメ価格」はすでにあります(URL:rice-prices)。別の名前にするか、そちらを編集してください。']);
    expect(await findTermPage(conn.db, 'topics', 'rice')).toBeNull();
    // Two people may share a name; an author is told apart by the address.
    await createTermPage(conn.db, 'authors', 'ito-sayaka-2', { name: '伊東さやか', role: '写真部', profile: '', portraitSrc: null });
    expect((await findAuthor(conn.db, 'ito-sayaka-2'))?.role).toBe('写真部');
  });

  it('saves an author’s profile and library portrait, which their page then shows; the byline’s tags only when the byline changes', async () => {
    const profile = '2015年入社。経済部で日銀・金融を担当。\n\n物価と賃金を家計の目線から追いかけています。';
    expect(await updateTermPage(conn.db, 'authors', 'ito-sayaka', { name: '伊東さやか', role: '経済部記者', profile, portraitSrc })).toEqual({ invalidate: ['author:ito-sayaka'] });
    expect(await findAuthor(conn.db, 'ito-sayaka')).toEqual({
      slug: 'ito-sayaka',
      name: '伊東さやか',
      role: '経済部記者',
      profile,
      portrait: { src: portraitSrc, width: 800, height: 1000, alt: '' },
      description: profile,
    });
    const page = await findTermPage(conn.db, 'authors', 'ito-sayaka', NOW);
    expect(page).toMatchObject({ fields: { portraitSrc }, portrait: { src: portraitSrc, width: 800, height: 1000 }, use: { public: 1, other: 1 } });

    expect(await updateTermPage(conn.db, 'authors', 'ito-sayaka', { name: '伊東さやか', role: '経済部デスク', profile, portraitSrc })).toEqual({
      invalidate: ['author:ito-sayaka', 'byline:ito-sayaka'],
    });
    expect(await updateTermPage(conn.db, 'authors', 'ito-sayaka', { name: '伊東さやか', role: '経済部デスク', profile, portraitSrc })).toEqual({ invalidate: [] });
    // The byline read that tags an article page with its authors: in order, and null for what readers cannot see.
    expect(await listPublicBylineSlugs(conn.db, PUB1, NOW)).toEqual(['okada-rie', 'ito-sayaka']);
    expect(await listPublicBylineSlugs(conn.db, DRAFT, NOW)).toBeNull();
    expect(await listPublicBylineSlugs(conn.db, LATER, NOW)).toBeNull();
  });

  it('refuses a portrait the library does not hold, and changes nothing', async () => {
    const before = await findAuthor(conn.db, 'okada-rie');
    const refused = await rejection(updateTermPage(conn.db, 'authors', 'okada-rie', { name: '岡田理恵', role: '社会部記者', profile: '書きかけ', portraitSrc: '/media/uploads/2026/12/nowhere.webp' }));
    expect([refused.status, refused.message]).toEqual([400, '選んだ写真が写真ライブラリにありません。ライブラリから選び直してください。']);
    expect(await findAuthor(conn.db, 'okada-rie')).toEqual(before);
  });

  it('marks a series sponsored with its sponsor, counting its public articles without their own PR label', async () => {
    const saved = await updateTermPage(conn.db, 'series', 'tohoku-kitchens', { name: '東北の台所から', description: '食卓の物語', sponsored: true, sponsorName: '架空食品株式会社' });
    expect(saved).toEqual({ invalidate: ['series:tohoku-kitchens', 'taxonomy'] });
    expect(await findSeries(conn.db, 'tohoku-kitchens')).toMatchObject({ sponsored: true, sponsorName: '架空食品株式会社' });
    expect((await findTermPage(conn.db, 'series', 'tohoku-kitchens', NOW))?.unlabelledArticles).toBe(1);
    // Back to editorial: no sponsor is kept to be shown by mistake.
    await updateTermPage(conn.db, 'series', 'tohoku-kitchens', { name: '東北の台所から', description: '食卓の物語', sponsored: false, sponsorName: '' });
    expect(await findSeries(conn.db, 'tohoku-kitchens')).toMatchObject({ sponsored: false, sponsorName: null });
  });

  it('renames a topic only to a name no other topic has; an unknown slug is null', async () => {
    const clash = await rejection(updateTermPage(conn.db, 'topics', 'ai-rules', { name: 'コメ価格', description: '' }));
    expect(clash.status).toBe(409);
    expect((await findTermPage(conn.db, 'topics', 'ai-rules'))?.fields).toEqual({ name: 'AIルールづくり', description: '生成AIの規制' });
    expect(await updateTermPage(conn.db, 'topics', 'ai-rules', { name: 'AIの規制', description: '生成AIの規制' })).toEqual({ invalidate: ['topic:ai-rules', 'taxonomy', 'articles'] });
    expect(await updateTermPage(conn.db, 'topics', 'no-such-topic', { name: '何か', description: '' })).toBeNull();
    expect(await findTermPage(conn.db, 'topics', 'no-such-topic')).toBeNull();
  });

  it('never deletes a term an article uses, a draft or a not-yet-public one included; deletes an unused one', async () => {
    const used = await rejection(deleteTermPage(conn.db, 'topics', 'rice-prices', NOW));
    expect([used.status, used.message]).toEqual([409, '特集「コメ価格」は記事3本(公開中2本、下書きなど1本)で使われているため削除できません。各記事のトピックから外してから削除してください。']);
    expect((await rejection(deleteTermPage(conn.db, 'topics', 'ai-rules', NOW))).message).toMatch(/記事1本\(下書きなど1本\)/);
    expect((await rejection(deleteTermPage(conn.db, 'authors', 'ito-sayaka', NOW))).message).toMatch(/^筆者「伊東さやか」は記事2本/);
    expect((await rejection(deleteTermPage(conn.db, 'series', 'tohoku-kitchens', NOW))).message).toMatch(/連載の指定を外して/);
    expect(await findTermPage(conn.db, 'topics', 'rice-prices')).not.toBeNull();

    expect(await deleteTermPage(conn.db, 'topics', 'unused-topic', NOW)).toEqual({ invalidate: ['topic:unused-topic'] });
    expect(await findTermPage(conn.db, 'topics', 'unused-topic')).toBeNull();
    expect(await deleteTermPage(conn.db, 'topics', 'unused-topic', NOW)).toBeNull();
    expect(await deleteTermPage(conn.db, 'series', 'future-mobility', NOW)).toEqual({ invalidate: ['series:future-mobility', 'taxonomy'] });
  });
});
