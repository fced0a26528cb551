import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { insertTestArticles, openTestDatabase, TEST_ENGINES, type TestDatabase } from '../../test/support/database';

/**
 * What an edit of a topic, series or author reaches (ADR 0050), seen from
 * the reads that render them: an article page's read carries a
 * `byline:<slug>` tag for each author its byline prints, and only those
 * (so a new 肩書き re-renders exactly those pages); an author's page carries
 * `author:<slug>`; related cards carry `taxonomy` (a card's label is its
 * first topic). The cache itself is Next.js's; here its tags are recorded
 * and the reads run against a real database on each engine.
 */

const recorded = vi.hoisted(() => ({ calls: [] as { key: string[]; tags: string[] }[], db: undefined as unknown }));
vi.mock('next/cache', () => ({
  unstable_cache:
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>, key: string[], options: { tags: string[] }) =>
    (...args: A) => {
      recorded.calls.push({ key, tags: options.tags });
      return fn(...args);
    },
}));
vi.mock('../db', () => ({ getDb: async () => recorded.db, getDbConnection: async () => ({ db: recorded.db }) }));

const { getArticle, getArticleSummaries } = await import('./index');
const { getAuthorListing } = await import('./findability');

const NOW = Date.now();
const [BYLINED, UNSIGNED, DRAFT] = ['aaaa2345', 'bbbb2345', 'cccc2345'];

describe.each(TEST_ENGINES)('the tags of the reads that show topics, series and authors, on %s', (engine) => {
  let conn: TestDatabase;
  beforeAll(async () => {
    conn = await openTestDatabase(engine, 'term-tags', { prepared: true });
    recorded.db = conn.db;
    await conn.db
      .insertInto('authors')
      .values([
        { slug: 'ito-sayaka', name: '伊東さやか', role: '経済部記者', profile: '経済部で金融を担当。' },
        { slug: 'okada-rie', name: '岡田理恵', role: '社会部記者', profile: '' },
      ])
      .execute();
    await insertTestArticles(conn, [
      { id: BYLINED, publishedAt: new Date(NOW - 3_600_000) },
      { id: UNSIGNED, publishedAt: new Date(NOW - 7_200_000) },
      { id: DRAFT, status: 'draft', publishedAt: new Date(NOW - 3_600_000) },
    ]);
    await conn.db
      .insertInto('article_authors')
      .values([
        { article_id: BYLINED, author_slug: 'okada-rie', position: 0 },
        { article_id: BYLINED, author_slug: 'ito-sayaka', position: 1 },
        { article_id: DRAFT, author_slug: 'ito-sayaka', position: 0 },
      ])
      .execute();
  }, 60_000);
  afterAll(() => conn?.close());

  const tagsOf = (name: string) => recorded.calls.filter((c) => c.key[0] === name).map((c) => c.tags);

  it('tags an article’s read with each author of its byline, in byline order, besides the article and taxonomy', async () => {
    recorded.calls = [];
    const article = await getArticle(BYLINED);
    expect(article?.authors.map((a) => `${a.name}(${a.role})`)).toEqual(['岡田理恵(社会部記者)', '伊東さやか(経済部記者)']);
    expect(tagsOf('byline')).toEqual([[`article:${BYLINED}`]]);
    expect(tagsOf('article')).toEqual([[`article:${BYLINED}`, 'taxonomy', 'byline:okada-rie', 'byline:ito-sayaka']]);
  });

  it('gives an unsigned article no byline tag, and reads nothing more for one readers cannot see', async () => {
    recorded.calls = [];
    expect(await getArticle(UNSIGNED)).not.toBeNull();
    expect(tagsOf('article')).toEqual([[`article:${UNSIGNED}`, 'taxonomy']]);
    recorded.calls = [];
    expect(await getArticle(DRAFT)).toBeNull();
    expect(recorded.calls.map((c) => c.key[0])).toEqual(['byline']);
  });

  it('tags an author’s page with the author, and shows their profile', async () => {
    recorded.calls = [];
    const listing = await getAuthorListing('ito-sayaka', 1);
    expect(listing?.subject).toMatchObject({ name: '伊東さやか', profile: '経済部で金融を担当。', portrait: null });
    expect(listing?.articles.items.map((a) => a.id)).toEqual([BYLINED]);
    expect(tagsOf('author')).toEqual([['articles', 'taxonomy', 'author:ito-sayaka']]);
    expect(await getAuthorListing('no-such-author', 1)).toBeNull();
  });

  it('tags related cards with taxonomy as well as each card’s article', async () => {
    recorded.calls = [];
    await getArticleSummaries([BYLINED, UNSIGNED]);
    expect(tagsOf('summaries')).toEqual([[`article:${BYLINED}`, `article:${UNSIGNED}`, 'taxonomy']]);
  });
});
