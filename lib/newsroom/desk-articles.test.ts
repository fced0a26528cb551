import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertTestArticles, openTestDatabase, TEST_ENGINES, type TestDatabase } from '../../test/support/database';
import { listEditionCandidates } from '../newsletter/editions';
import { listDeskCandidates, toDeskArticle } from './desk-articles';
import { getFrontPageDesk } from './front-page';
import { listContentsCandidates } from './magazine';

/**
 * The one candidate query of the desk's pickers on both databases, with each
 * caller's rules: the front page and a newsletter edition are offered only
 * what readers see now (a draft, a submitted, scheduled or withdrawn piece,
 * one whose time has not come or a deleted draft never), an issue's
 * contents any status but a deleted draft; newest first, at most the limit.
 */

const NOW = new Date('2026-12-05T03:00:00Z');
const HOUR = 3_600_000;
const id = (letter: string) => `${letter.repeat(4)}2345`;
const [OLD, NEW, NEWEST] = [id('a'), id('b'), id('c')] as [string, string, string];
const DRAFT = id('d');
const SUBMITTED = id('e');
const SCHEDULED = id('f');
const WITHDRAWN = id('g');
const NOT_YET = id('h');
const DELETED = id('j');
const NOT_PUBLIC = [DRAFT, SUBMITTED, SCHEDULED, WITHDRAWN, NOT_YET, DELETED];

describe.each(TEST_ENGINES)('listDeskCandidates on %s', (engine) => {
  let conn: TestDatabase;

  beforeAll(async () => {
    conn = await openTestDatabase(engine, 'desk-candidates', { prepared: true });
    await insertTestArticles(conn, [
      { id: OLD, headline: '古い記事', publishedAt: new Date(NOW.getTime() - 5 * HOUR) },
      { id: NEW, headline: '新しい記事', publishedAt: new Date(NOW.getTime() - 2 * HOUR) },
      { id: NEWEST, headline: 'いちばん新しい記事', publishedAt: new Date(NOW.getTime() - HOUR) },
      { id: DRAFT, headline: '書きかけの記事', status: 'draft', publishedAt: new Date(NOW.getTime() - 3 * HOUR) },
      { id: SUBMITTED, headline: '提出した記事', status: 'submitted', publishedAt: new Date(NOW.getTime() - 3 * HOUR) },
      { id: SCHEDULED, headline: '予約した記事', status: 'scheduled', publishedAt: new Date(NOW.getTime() + HOUR) },
      { id: WITHDRAWN, headline: '取り下げた記事', status: 'unpublished', publishedAt: new Date(NOW.getTime() - 4 * HOUR) },
      // Published, but its time has not come (as the scheduler leaves none, but a clock may).
      { id: NOT_YET, headline: 'まだの記事', publishedAt: new Date(NOW.getTime() + 2 * HOUR) },
      { id: DELETED, headline: '消した下書き', status: 'draft', publishedAt: new Date(NOW.getTime() - HOUR / 2) },
    ]);
    await conn.db.updateTable('articles').set({ deleted_at: NOW.toISOString() }).where('id', '=', DELETED).execute();
  }, 60_000);
  afterAll(() => conn?.close());

  it('offers only what readers see now, newest published first, to the front page and editions', async () => {
    const publicOnly = await listDeskCandidates(conn.db, { offer: 'public', limit: 50 }, NOW);
    expect(publicOnly.map((r) => r.id)).toEqual([NEWEST, NEW, OLD]);
    expect(publicOnly.map((r) => toDeskArticle(r, NOW).visible)).toEqual([true, true, true]);
    expect((await getFrontPageDesk(conn.db, NOW)).candidates.map((a) => a.id)).toEqual([NEWEST, NEW, OLD]);
    const editions = await listEditionCandidates(conn.db, NOW);
    expect(editions.map((a) => [a.id, a.path])).toEqual([NEWEST, NEW, OLD].map((articleId) => [articleId, `/articles/${articleId}`]));
  });

  it('offers an issue’s contents any status but a deleted draft, newest changed first, each marked whether readers see it', async () => {
    const contents = await listContentsCandidates(conn.db, NOW);
    // The test data's updated_at is its published_at; the two at the same time by id.
    expect(contents.map((a) => a.id)).toEqual([NOT_YET, SCHEDULED, NEWEST, NEW, DRAFT, SUBMITTED, WITHDRAWN, OLD]);
    expect(contents.map((a) => a.id)).not.toContain(DELETED);
    expect(contents.filter((a) => a.visible).map((a) => a.id)).toEqual([NEWEST, NEW, OLD]);
  });

  it('never offers the front page or an edition anything that is not public, at any limit', async () => {
    for (const limit of [1, 2, 100]) {
      const ids = (await listDeskCandidates(conn.db, { offer: 'public', limit }, NOW)).map((r) => r.id);
      expect(ids).toHaveLength(Math.min(limit, 3));
      for (const hidden of NOT_PUBLIC) expect(ids).not.toContain(hidden);
    }
    expect((await listDeskCandidates(conn.db, { offer: 'undeleted', limit: 2 }, NOW)).map((r) => r.id)).toEqual([NOT_YET, SCHEDULED]);
  });
});

