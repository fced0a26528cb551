import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyDraft } from './draft';
import { UNTITLED_HEADLINE } from './labels';
import { toDraftArticle } from './preview-article';
import { openTestDatabase, type TestDatabase } from '../../test/support/database';
import { seedNewsroomFixtures } from '../../test/support/newsroom-fixtures';

describe('toDraftArticle', () => {
  let conn: TestDatabase;
  const times = { publishedAt: '2026-11-20T03:00:00.000Z', updatedAt: '2026-11-20T03:00:00.000Z' };

  beforeAll(async () => {
    conn = await openTestDatabase('sqlite', 'preview-article', { prepared: true });
    await seedNewsroomFixtures(conn.db);
  }, 60_000);
  afterAll(() => conn?.close());

  it('gives a new draft a visible placeholder headline, never an empty heading', async () => {
    for (const headline of ['', '   ']) {
      const article = await toDraftArticle(conn.db, 'abcd1234', { ...emptyDraft('world'), headline }, times);
      expect(article.headline).toBe(UNTITLED_HEADLINE);
    }
  });

  it('keeps a written headline as the editor wrote it', async () => {
    const article = await toDraftArticle(conn.db, 'abcd1234', { ...emptyDraft('world'), headline: '港町の朝市' }, times);
    expect(article.headline).toBe('港町の朝市');
    expect(article.section.name).toBe('ワールド');
  });

  it('shows the byline of the form in its order, and its SEO wording, before anything is saved', async () => {
    const draft = { ...emptyDraft('world'), headline: '港町の朝市', authors: ['suzuki', 'tanaka'], seoTitle: '朝市が再開', seoDescription: null };
    const article = await toDraftArticle(conn.db, 'abcd1234', draft, times);
    expect(article.authors.map((a) => a.name)).toEqual(['鈴木花子', '田中一郎']);
    expect(article.seo).toEqual({ title: '朝市が再開', description: null, image: null });
  });
});
