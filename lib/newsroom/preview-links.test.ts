import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPreviewToken, listPreviewLinks } from '../preview/links';
import { createEditor } from './editors';
import { createArticlePreviewLink } from './preview-links';
import { openTestDatabase, TEST_ENGINES, type TestDatabase } from '../../test/support/database';
import { createTestDraft, seedNewsroomFixtures } from '../../test/support/newsroom-fixtures';

const SECRET = 'k'.repeat(43);
const T0 = new Date('2026-11-20T03:00:00.000Z');

describe.each(TEST_ENGINES)('sharing an article by preview link on %s', (engine) => {
  let conn: TestDatabase;
  let articleId: string;
  let editorId: string;

  beforeAll(async () => {
    conn = await openTestDatabase(engine, 'sharelinks', { prepared: true });
    await seedNewsroomFixtures(conn.db);
    editorId = (await createEditor(conn.db, { login: 'desk', name: 'デスク', password: 'a long enough password' })).id;
    articleId = await createTestDraft(conn.db, editorId, T0);
  }, 60_000);
  afterAll(() => conn?.close());

  it('makes a link that opens the article, a draft included', async () => {
    const link = await createArticlePreviewLink(conn.db, SECRET, { articleId, editorId, hours: 24, now: T0 });
    expect(link).toMatchObject({ articleId, createdBy: editorId, expiresAt: new Date(T0.getTime() + 24 * 3_600_000).toISOString() });
    expect(await checkPreviewToken(conn.db, SECRET, link!.token, T0)).toMatchObject({ ok: true, articleId });
  });

  it('makes none for an article that does not exist, and stores nothing', async () => {
    const unknown = 'zzzz2345';
    expect(await createArticlePreviewLink(conn.db, SECRET, { articleId: unknown, editorId, hours: 24, now: T0 })).toBeNull();
    expect(await listPreviewLinks(conn.db, SECRET, unknown, T0)).toEqual([]);
  });
});
