import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CACHE_TAGS } from '../cache/tags';
import { listPublicSummariesByIds } from '../content/lookup';
import { listMagazineContentIds } from '../content/magazine';
import { listMagazineIssues, listPublications } from '../content/queries';
import { insertTestArticles, openTestDatabase, TEST_ENGINES, type TestDatabase } from '../../test/support/database';
import { createEditor } from './editors';
import {
  createMagazineItem,
  decideIssueInvalidation,
  findDeskIssue,
  getMagazineDesk,
  ISSUES,
  listContentsCandidates,
  PUBLICATIONS,
  saveMagazineItem,
  suggestNextIssue,
  type MagazineInput,
  type MagazineKind,
  type MagazineTable,
} from './magazine';
import { MAGAZINE_MESSAGES, MagazineError, type IssueInput, type PublicationInput } from './magazine-rules';

/**
 * The magazine desk's commands on both databases (ADR 0049): an issue with
 * its cover and contents, all or nothing; every refusal leaves what was
 * saved as it was; a draft in the contents never reaches the reader's read;
 * each save names the tags whose pages changed.
 */

// 2026-12-10 12:00 JST: a Thursday.
const NOW = new Date('2026-12-10T03:00:00Z');
const TODAY = '2026-12-10';
const HOUR = 3_600_000;
const id = (letter: string) => `${letter.repeat(4)}2345`;
const [A, B, C] = [id('a'), id('b'), id('c')] as [string, string, string];
const DRAFT = id('d');
const SCHEDULED = id('e');
const DELETED = id('f');
const COVER = '/media/uploads/2026/12/cover.webp';
const OTHER_COVER = '/media/uploads/2026/12/other.webp';

function issueInput(change: Partial<IssueInput> = {}): IssueInput {
  return {
    issueDate: '2026-12-15',
    onSaleDate: '2026-12-08',
    featureTitle: '港町の冬支度',
    blurb: '漁港の町が冬を迎える準備を、船と市場と食卓から追った。',
    coverSrc: COVER,
    articleIds: [B, DRAFT, A],
    ...change,
  };
}

function publicationInput(change: Partial<PublicationInput> = {}): PublicationInput {
  return { title: '週刊Kiji別冊 冬の旅ガイド', kind: 'special', onSaleDate: '2026-12-01', onSale: true, priceYen: 1210, blurb: '雪の温泉地と冬の味覚をめぐる。', coverSrc: COVER, ...change };
}

// The one create and the one save, for each kind (./magazine.ts).
type Db = TestDatabase['db'];
type Editing = { baseRevision: number; editorId: string };
const createIssue = (db: Db, input: IssueInput & { editorId: string }, now: Date) => createMagazineItem(db, ISSUES, input, now);
const saveIssue = (db: Db, slug: string, input: IssueInput & Editing, now: Date) => saveMagazineItem(db, ISSUES, slug, input, now);
const createPublication = (db: Db, input: PublicationInput & { editorId: string }, now: Date) => createMagazineItem(db, PUBLICATIONS, input, now);
const savePublication = (db: Db, slug: string, input: PublicationInput & Editing, now: Date) => saveMagazineItem(db, PUBLICATIONS, slug, input, now);

async function refusal(promise: Promise<unknown>): Promise<MagazineError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MagazineError);
  return error as MagazineError;
}

describe.each(TEST_ENGINES)('the magazine desk on %s', (engine) => {
  let conn: TestDatabase;
  let editorId: string;

  beforeAll(async () => {
    conn = await openTestDatabase(engine, 'magazine-desk', { prepared: true });
    editorId = (await createEditor(conn.db, { login: 'desk', name: 'デスク 花子', password: 'a-long-enough-passphrase-1', role: 'desk' })).id;
    await insertTestArticles(conn, [
      { id: A, headline: '港の朝市', publishedAt: new Date(NOW.getTime() - 3 * HOUR) },
      { id: B, headline: '冬の漁に出る船', publishedAt: new Date(NOW.getTime() - 2 * HOUR) },
      { id: C, headline: '市場の値動き', publishedAt: new Date(NOW.getTime() - HOUR) },
      { id: DRAFT, headline: '書きかけの特集記事', status: 'draft', publishedAt: new Date(NOW.getTime() - HOUR) },
      { id: SCHEDULED, headline: '発売日に出す記事', status: 'scheduled', publishedAt: new Date(NOW.getTime() + 24 * HOUR) },
      { id: DELETED, headline: '消した下書き', status: 'draft', publishedAt: new Date(NOW.getTime() - HOUR) },
    ]);
    await conn.db.updateTable('articles').set({ deleted_at: NOW.toISOString() }).where('id', '=', DELETED).execute();
    for (const src of [COVER, OTHER_COVER]) {
      await conn.db
        .insertInto('media')
        .values({ path: src.slice('/media/'.length), content_type: 'image/webp', bytes: new Uint8Array([1, 2, 3]), width: 600, height: 800, created_at: NOW.toISOString() })
        .execute();
    }
  }, 60_000);
  afterAll(() => conn?.close());
  beforeEach(async () => {
    await conn.db.deleteFrom('magazine_issues').execute();
    await conn.db.deleteFrom('publications').execute();
    // Last week's issue, as the seed writes it (no revision given, no editor).
    await conn.db
      .insertInto('magazine_issues')
      .values({ slug: '2026-12-08', issue_date: '2026-12-08', on_sale_date: '2026-12-01', feature_title: '先週の特集', blurb: '先週号。', cover_src: OTHER_COVER, cover_width: 600, cover_height: 800 })
      .execute();
  });

  const contentsOf = async (slug: string) =>
    (await conn.db.selectFrom('magazine_issue_articles').select(['position', 'article_id']).where('issue_slug', '=', slug).orderBy('position').execute()).map(
      (r) => `${r.position}:${r.article_id}`,
    );
  const issueRows = async () => (await conn.db.selectFrom('magazine_issues').select(['slug', 'feature_title']).orderBy('slug').execute()).map((r) => `${r.slug} ${r.feature_title}`);

  it('creates next week’s issue with its cover (size from the stored file) and contents in order, and names the tags of what readers see', async () => {
    const created = await createIssue(conn.db, { ...issueInput(), featureTitle: '  港町の冬支度  ', editorId }, NOW);
    expect(created).toEqual({ slug: '2026-12-15', revision: 1, invalidate: [CACHE_TAGS.magazine, CACHE_TAGS.magazineIssue('2026-12-15')] });
    expect(await contentsOf('2026-12-15')).toEqual([`0:${B}`, `1:${DRAFT}`, `2:${A}`]);
    const [current] = await listMagazineIssues(conn.db, TODAY);
    expect(current).toMatchObject({ slug: '2026-12-15', featureTitle: '港町の冬支度', cover: { src: COVER, width: 600, height: 800 } });
    const desk = await findDeskIssue(conn.db, '2026-12-15', NOW);
    expect(desk).toMatchObject({ standing: 'current', revision: 1, updatedBy: 'デスク 花子', contentCount: 3 });
    expect(desk!.contents.map((a) => [a.id, a.visible])).toEqual([
      [B, true],
      [DRAFT, false],
      [A, true],
    ]);
  });

  it('never gives readers a draft, scheduled or withdrawn article placed in the contents', async () => {
    await createIssue(conn.db, { ...issueInput({ articleIds: [DRAFT, B, SCHEDULED, C] }), editorId }, NOW);
    await conn.db.updateTable('articles').set({ status: 'unpublished' }).where('id', '=', C).execute();
    try {
      const ids = await listMagazineContentIds(conn.db, '2026-12-15');
      expect(ids, 'the read keeps every id (each card is tagged with its article)').toEqual([DRAFT, B, SCHEDULED, C]);
      const shown = await listPublicSummariesByIds(conn.db, ids, NOW);
      expect([...shown.keys()]).toEqual([B]);
      // The scheduled piece appears once the scheduler has published it at its time.
      await conn.db.updateTable('articles').set({ status: 'published' }).where('id', '=', SCHEDULED).execute();
      expect([...(await listPublicSummariesByIds(conn.db, ids, NOW)).keys()], 'not before its time').toEqual([B]);
      const later = await listPublicSummariesByIds(conn.db, ids, new Date(NOW.getTime() + 25 * HOUR));
      expect([...later.keys()].sort()).toEqual([B, SCHEDULED].sort());
    } finally {
      await conn.db.updateTable('articles').set({ status: 'published' }).where('id', '=', C).execute();
      await conn.db.updateTable('articles').set({ status: 'scheduled' }).where('id', '=', SCHEDULED).execute();
    }
  });

  const refusals: [string, Partial<IssueInput>, number, string, RegExp][] = [
    ['a missing title', { featureTitle: '' }, 400, 'featureTitle', /特集タイトルを入力してください/],
    ['a bad date', { issueDate: '2026-02-30' }, 400, 'issueDate', /号の日付を正しく/],
    ['an unknown article', { articleIds: [A, 'zzzz2345'] }, 400, 'contents', /目次の記事が見つかりません/],
    ['a malformed article id', { articleIds: ["a'; drop table articles; --"] }, 400, 'contents', /目次の記事が見つかりません/],
    ['a deleted draft', { articleIds: [DELETED] }, 400, 'contents', /目次の記事が見つかりません/],
    ['a cover that is not stored', { coverSrc: '/media/uploads/nothing.webp' }, 400, 'cover', /表紙の画像が見つかりません/],
    ['a cover from elsewhere', { coverSrc: 'https://evil.example/cover.jpg' }, 400, 'cover', /表紙の画像が見つかりません/],
    ['an issue date that already has an issue', { issueDate: '2026-12-08', onSaleDate: '2026-12-01' }, 409, 'issueDate', /2026年12月8日号はすでにあります/],
  ];

  it.each(refusals)('refuses %s with its field and a Japanese reason, writing nothing', async (_, change, status, field, message) => {
    const error = await refusal(createIssue(conn.db, { ...issueInput(change), editorId }, NOW));
    expect([error.status, error.field]).toEqual([status, field]);
    expect(error.message).toMatch(message);
    expect(await issueRows()).toEqual(['2026-12-08 先週の特集']);
    expect(await conn.db.selectFrom('magazine_issue_articles').select('article_id').execute()).toEqual([]);
  });

  it('saves over the loaded revision, replaces the contents, and names only the contents tag when only they changed', async () => {
    await createIssue(conn.db, { ...issueInput(), editorId }, NOW);
    const saved = await saveIssue(conn.db, '2026-12-15', { ...issueInput({ articleIds: [C, A] }), baseRevision: 1, editorId }, NOW);
    expect(saved).toEqual({ slug: '2026-12-15', revision: 2, invalidate: [CACHE_TAGS.magazineIssue('2026-12-15')] });
    expect(await contentsOf('2026-12-15')).toEqual([`0:${C}`, `1:${A}`]);
    const retitled = await saveIssue(conn.db, '2026-12-15', { ...issueInput({ articleIds: [C, A], featureTitle: '港町の冬' }), baseRevision: 2, editorId }, NOW);
    expect(retitled.invalidate).toEqual([CACHE_TAGS.magazine, CACHE_TAGS.magazineIssue('2026-12-15')]);
    const unchanged = await saveIssue(conn.db, '2026-12-15', { ...issueInput({ articleIds: [C, A], featureTitle: '港町の冬' }), baseRevision: 3, editorId }, NOW);
    expect(unchanged.invalidate).toEqual([]);
  });

  it('refuses a save over a stale revision (another desk saved first) and keeps theirs', async () => {
    await createIssue(conn.db, { ...issueInput(), editorId }, NOW);
    await saveIssue(conn.db, '2026-12-15', { ...issueInput({ featureTitle: '先に保存した題' }), baseRevision: 1, editorId }, NOW);
    const error = await refusal(saveIssue(conn.db, '2026-12-15', { ...issueInput({ featureTitle: '後から保存した題' }), baseRevision: 1, editorId }, NOW));
    expect(error.status).toBe(409);
    expect(error.message).toMatch(/ほかの人がこの内容を変更しました/);
    expect(await issueRows()).toContain('2026-12-15 先に保存した題');
  });

  it('renames an issue not yet on sale with its date, contents and all; refuses to rename one on sale', async () => {
    await createIssue(conn.db, { ...issueInput({ issueDate: '2026-12-22', onSaleDate: '2026-12-15' }), editorId }, NOW);
    const moved = await saveIssue(conn.db, '2026-12-22', { ...issueInput({ issueDate: '2026-12-29', onSaleDate: '2026-12-22' }), baseRevision: 1, editorId }, NOW);
    expect(moved).toEqual({ slug: '2026-12-29', revision: 2, invalidate: [] });
    expect(await contentsOf('2026-12-29')).toEqual([`0:${B}`, `1:${DRAFT}`, `2:${A}`]);
    expect(await contentsOf('2026-12-22')).toEqual([]);
    // Last week's issue went on sale on 12/1: its address stays.
    const error = await refusal(
      saveIssue(conn.db, '2026-12-08', { ...issueInput({ issueDate: '2026-12-09', onSaleDate: '2026-12-01', articleIds: [] }), baseRevision: 1, editorId }, NOW),
    );
    expect([error.status, error.field]).toEqual([409, 'issueDate']);
    expect(error.message).toMatch(/発売済みの号の日付は変えられません/);
    // Nor onto a date another issue has.
    const taken = await refusal(saveIssue(conn.db, '2026-12-29', { ...issueInput({ issueDate: '2026-12-08', onSaleDate: '2026-12-01' }), baseRevision: 2, editorId }, NOW));
    expect(taken.status).toBe(409);
    expect(await issueRows()).toEqual(['2026-12-08 先週の特集', '2026-12-29 港町の冬支度']);
  });

  it('answers 404 for an issue or publication that does not exist, or a slug that cannot be one', async () => {
    for (const slug of ['2030-01-01', '../etc', 'A'.repeat(100)]) {
      expect((await refusal(saveIssue(conn.db, slug, { ...issueInput(), baseRevision: 1, editorId }, NOW))).status, slug).toBe(404);
      expect((await refusal(savePublication(conn.db, slug, { ...publicationInput(), baseRevision: 1, editorId }, NOW))).status, slug).toBe(404);
    }
  });

  it('creates and saves a MOOK, touching /publications only while it is listed', async () => {
    const created = await createPublication(conn.db, { ...publicationInput({ title: '  冬の旅ガイド  ' }), editorId }, NOW);
    expect(created.slug).toMatch(/^p-[0-9a-f]{10}$/);
    expect(created.invalidate).toEqual([CACHE_TAGS.publications]);
    expect((await listPublications(conn.db, TODAY)).map((p) => [p.title, p.priceYen, p.onSale])).toEqual([['冬の旅ガイド', 1210, true]]);
    const ended = await savePublication(conn.db, created.slug, { ...publicationInput({ title: '冬の旅ガイド', onSale: false, priceYen: 990 }), baseRevision: 1, editorId }, NOW);
    expect(ended).toEqual({ slug: created.slug, revision: 2, invalidate: [CACHE_TAGS.publications] });
    expect((await listPublications(conn.db, TODAY)).map((p) => [p.priceYen, p.onSale])).toEqual([[990, false]]);
    const future = await createPublication(conn.db, { ...publicationInput({ onSaleDate: '2027-01-20' }), editorId }, NOW);
    expect(future.invalidate, 'not on sale yet: no reader page shows it').toEqual([]);
    expect(await listPublications(conn.db, TODAY)).toHaveLength(1);
    const stale = await refusal(savePublication(conn.db, created.slug, { ...publicationInput(), baseRevision: 1, editorId }, NOW));
    expect(stale.status).toBe(409);
    const bad = await refusal(createPublication(conn.db, { ...publicationInput({ priceYen: -5 }), editorId }, NOW));
    expect([bad.status, bad.field]).toEqual([400, 'priceYen']);
    const desk = await getMagazineDesk(conn.db, NOW);
    expect(desk.publications.map((p) => [p.listed, p.updatedBy])).toEqual([
      [false, 'デスク 花子'],
      [true, 'デスク 花子'],
    ]);
  });

  /** What the one save does for every kind: the revision check (also between two saves at once), who saved, its own 404, a refusal that writes nothing. */
  async function checkSharedSave<T extends MagazineTable, I extends MagazineInput, F>(kind: MagazineKind<T, I, F>, input: I) {
    const created = await createMagazineItem(conn.db, kind, { ...input, editorId }, NOW);
    const stored = async () => {
      const row = await conn.db.selectFrom(kind.table as MagazineTable).select(['revision', 'updated_by']).where('slug', '=', created.slug).executeTakeFirstOrThrow();
      return [Number(row.revision), row.updated_by];
    };
    expect(await saveMagazineItem(conn.db, kind, created.slug, { ...input, baseRevision: 1, editorId }, NOW)).toMatchObject({ slug: created.slug, revision: 2 });
    const stale = await refusal(saveMagazineItem(conn.db, kind, created.slug, { ...input, baseRevision: 1, editorId }, NOW));
    expect([stale.status, stale.message]).toEqual([409, MAGAZINE_MESSAGES.stale]);
    const missing = await refusal(saveMagazineItem(conn.db, kind, 'p-0000000000', { ...input, baseRevision: 1, editorId }, NOW));
    expect([missing.status, missing.message]).toEqual([404, kind.notFound]);
    const noCover = await refusal(saveMagazineItem(conn.db, kind, created.slug, { ...input, coverSrc: '/media/uploads/nothing.webp', baseRevision: 2, editorId }, NOW));
    expect([noCover.status, noCover.field]).toEqual([400, 'cover']);
    expect(await stored(), 'the refusals wrote nothing').toEqual([2, editorId]);
    const both = await Promise.allSettled([1, 2].map(() => saveMagazineItem(conn.db, kind, created.slug, { ...input, baseRevision: 2, editorId }, NOW)));
    expect(both.map((r) => r.status).sort(), 'of two saves over one revision, one wins').toEqual(['fulfilled', 'rejected']);
    const lost = both.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect([lost.reason.status, lost.reason.message]).toEqual([409, MAGAZINE_MESSAGES.stale]);
    expect(await stored()).toEqual([3, editorId]);
  }

  it('saves an issue through the one save: revision, who saved, 404 and 409 in its words, nothing written on a refusal', () =>
    checkSharedSave(ISSUES, issueInput({ issueDate: '2026-12-22', onSaleDate: '2026-12-15' })));

  it('saves a publication through the same save, alike', () => checkSharedSave(PUBLICATIONS, publicationInput()));

  it('lists issues newest first with their standing, and offers recent articles of any status but deleted', async () => {
    await createIssue(conn.db, { ...issueInput({ issueDate: '2026-12-22', onSaleDate: '2026-12-15' }), editorId }, NOW);
    const desk = await getMagazineDesk(conn.db, NOW);
    expect(desk.issues.map((i) => [i.slug, i.standing, i.contentCount])).toEqual([
      ['2026-12-22', 'upcoming', 3],
      ['2026-12-08', 'current', 0],
    ]);
    const candidates = (await listContentsCandidates(conn.db, NOW)).map((a) => a.id);
    expect(candidates).toEqual(expect.arrayContaining([A, B, C, DRAFT, SCHEDULED]));
    expect(candidates).not.toContain(DELETED);
    expect(await suggestNextIssue(conn.db, NOW)).toEqual({ issueDate: '2026-12-29', onSaleDate: '2026-12-22' });
  });
});

describe('decideIssueInvalidation', () => {
  const facts = { slug: '2026-12-15', issueDate: '2026-12-15', onSaleDate: '2026-12-08', featureTitle: '題', blurb: '紹介', coverSrc: COVER, articleIds: [A] };

  it('touches nothing while the issue is on sale neither before nor after', () => {
    expect(decideIssueInvalidation(null, facts, '2026-12-07')).toEqual([]);
    expect(decideIssueInvalidation(facts, { ...facts, featureTitle: '新しい題' }, '2026-12-07')).toEqual([]);
  });
  it('touches the list when an issue goes on sale or leaves sale by its date', () => {
    expect(decideIssueInvalidation({ ...facts, onSaleDate: '2026-12-20' }, facts, '2026-12-10')).toEqual([CACHE_TAGS.magazine, CACHE_TAGS.magazineIssue('2026-12-15')]);
    expect(decideIssueInvalidation(facts, { ...facts, onSaleDate: '2026-12-20' }, '2026-12-10')).toEqual([CACHE_TAGS.magazine, CACHE_TAGS.magazineIssue('2026-12-15')]);
  });
  it('touches the cover block for a new cover, and the contents alone for a new order', () => {
    expect(decideIssueInvalidation(facts, { ...facts, coverSrc: OTHER_COVER }, '2026-12-10')).toContain(CACHE_TAGS.magazine);
    expect(decideIssueInvalidation({ ...facts, articleIds: [A, B] }, { ...facts, articleIds: [B, A] }, '2026-12-10')).toEqual([CACHE_TAGS.magazineIssue('2026-12-15')]);
  });
});
