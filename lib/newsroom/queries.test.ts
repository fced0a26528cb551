import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishArticle, saveArticle } from './articles';
import { emptyDraft } from './draft';
import { createEditor } from './editors';
import { countByStatus, listNewsroomArticles, listRevisions, listTaxonomyOptions } from './queries';
import { openTestDatabase, TEST_ENGINES, type TestDatabase } from '../../test/support/database';
import { createTestDraft, seedNewsroomFixtures } from '../../test/support/newsroom-fixtures';

const T0 = new Date('2026-11-20T03:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

describe.each(TEST_ENGINES)('newsroom reads on %s', (engine) => {
  let conn: TestDatabase;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    conn = await openTestDatabase(engine, 'nrqueries', { prepared: true });
    await seedNewsroomFixtures(conn.db);
    const editorId = (await createEditor(conn.db, { login: 'desk', name: 'デスク', password: 'a long enough password' })).id;
    const make = async (key: string, headline: string, section: string, publish: boolean, minute: number) => {
      const id = await createTestDraft(conn.db, editorId, at(minute));
      const draft = { ...emptyDraft(section), headline, body: '本文。' };
      if (publish) await publishArticle(conn.db, { id, editorId, draft, baseRevision: 1, now: at(minute) });
      else await saveArticle(conn.db, { id, editorId, draft, baseRevision: 1, now: at(minute) });
      ids[key] = id;
    };
    await make('worldDraft', 'Harbor 再開発の下書き', 'world', false, 1);
    await make('worldLive', '港の再開発が決まる', 'world', true, 2);
    await make('bizDraft', '100%_達成の見込み', 'business', false, 3);
  }, 60_000);
  afterAll(() => conn?.close());

  const list = (filter: Parameters<typeof listNewsroomArticles>[1]) =>
    listNewsroomArticles(conn.db, filter, at(10)).then((r) => r.items.map((a) => a.id));

  it('lists every status, newest edit first, and filters by status and section', async () => {
    expect(await list({ page: 1 })).toEqual([ids.bizDraft, ids.worldLive, ids.worldDraft]);
    expect(await list({ page: 1, status: 'draft' })).toEqual([ids.bizDraft, ids.worldDraft]);
    expect(await list({ page: 1, status: 'published', section: 'world' })).toEqual([ids.worldLive]);
    expect(await list({ page: 1, section: 'business' })).toEqual([ids.bizDraft]);
    expect(await countByStatus(conn.db)).toEqual({ draft: 2, submitted: 0, scheduled: 0, published: 1, unpublished: 0 });
  });

  it('searches headlines case-insensitively, with % and _ as plain letters', async () => {
    expect(await list({ page: 1, q: 'harbor' })).toEqual([ids.worldDraft]);
    expect(await list({ page: 1, q: '再開発' })).toEqual([ids.worldLive, ids.worldDraft]);
    expect(await list({ page: 1, q: '100%_' })).toEqual([ids.bizDraft]);
    expect(await list({ page: 1, q: '%' })).toEqual([ids.bizDraft]);
    expect(await list({ page: 1, q: '_' })).toEqual([ids.bizDraft]);
  });

  it('lists revisions newest first with who made them, and what the editor can pick from', async () => {
    const revisions = await listRevisions(conn.db, ids.worldLive!);
    expect(revisions.map((r) => [r.number, r.action, r.editorName])).toEqual([
      [2, 'publish', 'デスク'],
      [1, 'create', 'デスク'],
    ]);
    const options = await listTaxonomyOptions(conn.db);
    expect(options.sections.map((s) => s.slug)).toEqual(['world', 'business']);
    expect(options.tags.map((t) => t.slug).sort()).toEqual(['sato', 'tokyo']);
  });
});
