import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CACHE_TAGS } from '../cache/tags';
import { findFixedPage, listFixedPageDates } from '../content/fixed-pages';
import { openTestDatabase, TEST_ENGINES, type TestDatabase } from '../../test/support/database';
import { FIXED_PAGE_DEFAULTS, FIXED_PAGES_ENACTED_AT } from '../site/fixed-page-defaults';
import { FIXED_PAGE_SLUGS } from '../site/pages';
import { createEditor } from './editors';
import { canEditFixedPages } from './roles';
import {
  checkFixedPageInput,
  findEditableFixedPage,
  FixedPageError,
  FIXED_PAGE_LIMITS,
  listEditableFixedPages,
  saveFixedPage,
} from './fixed-pages';

/**
 * The fixed pages' store on both databases: a migrated database holds the
 * four pages with the wording an install starts with; a save names the
 * version it started from and is refused, with nothing written, when that
 * version is gone, the input is wrong or the slug is not a fixed page.
 */

const NOW = new Date('2026-12-06T01:00:00Z');

async function expectRefusal(promise: Promise<unknown>, status: number, message: RegExp): Promise<FixedPageError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FixedPageError);
  expect((error as FixedPageError).status).toBe(status);
  expect((error as FixedPageError).message).toMatch(message);
  return error as FixedPageError;
}

describe.each(TEST_ENGINES)('fixed pages on %s', (engine) => {
  let conn: TestDatabase;
  let desk: string;
  let admin: string;

  beforeAll(async () => {
    conn = await openTestDatabase(engine, 'fixed-pages', { prepared: true });
    desk = (await createEditor(conn.db, { login: 'desk', name: 'デスク 太郎', password: 'a-long-enough-passphrase-1', role: 'desk' })).id;
    admin = (await createEditor(conn.db, { login: 'admin', name: '管理 花子', password: 'a-long-enough-passphrase-2', role: 'admin' })).id;
  }, 60_000);
  afterAll(() => conn?.close());
  beforeEach(async () => {
    for (const slug of FIXED_PAGE_SLUGS) {
      await conn.db
        .updateTable('fixed_pages')
        .set({ ...FIXED_PAGE_DEFAULTS[slug], version: 1, updated_at: FIXED_PAGES_ENACTED_AT, updated_by: null })
        .where('slug', '=', slug)
        .execute();
    }
  });

  it('start, once migrated, with the four pages in today’s wording, dated when it took effect', async () => {
    const pages = await listEditableFixedPages(conn.db);
    expect(pages.map((p) => p.slug)).toEqual(['about', 'privacy', 'terms', 'contact']);
    for (const page of pages) {
      expect(page).toEqual({ slug: page.slug, ...FIXED_PAGE_DEFAULTS[page.slug], version: 1, updatedAt: FIXED_PAGES_ENACTED_AT, updatedBy: null });
    }
    expect(await findFixedPage(conn.db, 'terms')).toEqual({ slug: 'terms', ...FIXED_PAGE_DEFAULTS.terms, updatedAt: FIXED_PAGES_ENACTED_AT });
    expect(await listFixedPageDates(conn.db)).toEqual(FIXED_PAGE_SLUGS.map((slug) => ({ slug, updatedAt: FIXED_PAGES_ENACTED_AT })));
  });

  it('know nothing but the four slugs', async () => {
    for (const slug of ['withdrawn', 'About', '', '../terms', 'constructor']) {
      expect(await findFixedPage(conn.db, slug)).toBeNull();
      expect(await findEditableFixedPage(conn.db, slug)).toBeNull();
    }
    await expectRefusal(saveFixedPage(conn.db, { slug: 'imprint', title: '表示', description: '', body: '本文', baseVersion: 1, editorId: desk }), 404, /そのページはありません/);
  });

  it('save over the version loaded: trimmed, \\n line ends, the next version, who and when, and the tags to invalidate', async () => {
    const saved = await saveFixedPage(
      conn.db,
      { slug: 'terms', title: '  利用規約  ', description: ' 条件。 ', body: '## 第1条 {#scope}\r\n\r\n{{会社名}}の規約です。', baseVersion: 1, editorId: desk },
      NOW,
    );
    expect(saved.invalidate).toEqual([CACHE_TAGS.fixedPage('terms'), CACHE_TAGS.fixedPages]);
    expect(saved.page).toEqual({
      slug: 'terms',
      title: '利用規約',
      description: '条件。',
      body: '## 第1条 {#scope}\n\n{{会社名}}の規約です。',
      version: 2,
      updatedAt: NOW.toISOString(),
      updatedBy: 'デスク 太郎',
    });
    expect((await findFixedPage(conn.db, 'terms'))?.updatedAt).toBe(NOW.toISOString());
    // The others are as they were.
    expect((await findFixedPage(conn.db, 'privacy'))?.body).toBe(FIXED_PAGE_DEFAULTS.privacy.body);
  });

  it('refuse a save over a version someone else has saved since, and hand back theirs; nothing is written', async () => {
    await saveFixedPage(conn.db, { slug: 'contact', title: 'お問い合わせ', description: '', body: '管理者の版', baseVersion: 1, editorId: admin }, NOW);
    const error = await expectRefusal(
      saveFixedPage(conn.db, { slug: 'contact', title: 'お問い合わせ', description: '', body: 'デスクの版', baseVersion: 1, editorId: desk }, NOW),
      409,
      /管理 花子さんがこのページを先に保存しました\(第2版\)。入力した内容はこの画面に残っています/,
    );
    expect(error.current).toMatchObject({ body: '管理者の版', version: 2, updatedBy: '管理 花子' });
    expect(await findEditableFixedPage(conn.db, 'contact')).toMatchObject({ body: '管理者の版', version: 2 });
    // Having compared, the desk saves over the version it has now seen.
    const again = await saveFixedPage(conn.db, { slug: 'contact', title: 'お問い合わせ', description: '', body: 'デスクの版', baseVersion: 2, editorId: desk }, NOW);
    expect(again.page).toMatchObject({ body: 'デスクの版', version: 3, updatedBy: 'デスク 太郎' });
  });

  it('of two saves from the same version at one moment, keep one and refuse the other', async () => {
    const results = await Promise.allSettled(
      ['一つ目', '二つ目'].map((body) => saveFixedPage(conn.db, { slug: 'about', title: '会社概要', description: '', body, baseVersion: 1, editorId: desk }, NOW)),
    );
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const page = await findEditableFixedPage(conn.db, 'about');
    expect(page?.version).toBe(2);
    expect(['一つ目', '二つ目']).toContain(page?.body);
  });

  it('refuse bad input with every reason in Japanese, and write nothing', async () => {
    const error = await expectRefusal(
      saveFixedPage(conn.db, { slug: 'privacy', title: '   ', description: '説'.repeat(201), body: '{{会社名称}}', baseVersion: 1, editorId: desk }, NOW),
      400,
      /タイトルを入力してください。/,
    );
    expect(error.message.split('\n')).toEqual([
      'タイトルを入力してください。',
      '説明は200字以内にしてください(いま201字)。',
      expect.stringContaining('{{会社名称}} という差し込み項目はありません'),
    ]);
    expect(await findEditableFixedPage(conn.db, 'privacy')).toMatchObject({ version: 1, body: FIXED_PAGE_DEFAULTS.privacy.body });
  });

  it('are dropped from the list, not invented, when a row is missing', async () => {
    await conn.db.deleteFrom('fixed_pages').where('slug', '=', 'contact').execute();
    try {
      expect((await listEditableFixedPages(conn.db)).map((p) => p.slug)).toEqual(['about', 'privacy', 'terms']);
      expect(await findFixedPage(conn.db, 'contact')).toBeNull();
      await expectRefusal(saveFixedPage(conn.db, { slug: 'contact', title: 'お問い合わせ', description: '', body: '本文', baseVersion: 1, editorId: desk }, NOW), 404, /そのページはありません/);
    } finally {
      await conn.db
        .insertInto('fixed_pages')
        .values({ slug: 'contact', ...FIXED_PAGE_DEFAULTS.contact, version: 1, updated_at: FIXED_PAGES_ENACTED_AT, updated_by: null })
        .execute();
    }
  });
});

describe('checkFixedPageInput', () => {
  const ok = { title: '利用規約', description: '条件。', body: '本文です。' };

  it('accepts each page as an install starts with it', () => {
    for (const slug of FIXED_PAGE_SLUGS) expect(checkFixedPageInput(FIXED_PAGE_DEFAULTS[slug]), slug).toEqual([]);
  });

  it('counts characters as a reader does, so a limit in 字 is a limit in 字', () => {
    expect(checkFixedPageInput({ ...ok, title: '𠮷'.repeat(FIXED_PAGE_LIMITS.title) })).toEqual([]);
    expect(checkFixedPageInput({ ...ok, title: '𠮷'.repeat(FIXED_PAGE_LIMITS.title + 1) })).toEqual(['タイトルは40字以内にしてください(いま41字)。']);
  });

  it('refuses an empty body, and an oversize one without parsing it', () => {
    expect(checkFixedPageInput({ ...ok, body: ' \n ' })).toEqual(['本文を入力してください。']);
    expect(checkFixedPageInput({ ...ok, body: `${'あ'.repeat(FIXED_PAGE_LIMITS.body)}{{不明}}` })).toEqual(['本文は記号を含めて50,000字以内にしてください(いま50,006字)。']);
    expect(checkFixedPageInput({ ...ok, body: 'あ'.repeat(FIXED_PAGE_LIMITS.body) })).toEqual([]);
  });
});

describe('canEditFixedPages', () => {
  it('is the desk’s and the 管理者’s, not a 記者’s', () => {
    expect(canEditFixedPages({ role: 'desk' })).toBe(true);
    expect(canEditFixedPages({ role: 'admin' })).toBe(true);
    expect(canEditFixedPages({ role: 'reporter' })).toBe(false);
  });
});
