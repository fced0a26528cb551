import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveArticleId } from '../content/ids';
import { prepareDatabase } from '../db/prepare';
import { openTestDatabase, type TestDatabase } from '../../test/support/database';
import { demoArticles } from '../seed/demo/articles';
import { addScaleArticles } from '../seed/scale';
import { seedDemoViews } from './runtime';
import { SqlViewStore } from './sql-store';

const NOW = new Date('2026-11-20T03:00:00.000Z');
const demoIds = new Set(demoArticles.filter((a) => !a.status).map((a) => deriveArticleId(a.key)));

describe('the demo view history at first start', () => {
  let conn: TestDatabase;

  beforeAll(async () => {
    conn = await openTestDatabase('sqlite', 'demo-views');
    await prepareDatabase(conn, { seedDemo: true, now: NOW });
    // Articles that are not the demo's (the scale benchmark adds 100,000).
    await addScaleArticles(conn.db, { count: 200, now: NOW });
  }, 120_000);
  afterAll(async () => conn?.close());

  it('covers the demo articles only, however many others the database holds, and loads once', async () => {
    const store = new SqlViewStore(conn.db);
    expect(await seedDemoViews(store, conn.db, NOW)).toBe(true);
    const viewed = new Set((await conn.db.selectFrom('article_views').select('article_id').distinct().execute()).map((r) => r.article_id));
    expect(viewed.size).toBeGreaterThan(demoIds.size / 2);
    expect([...viewed].filter((id) => !demoIds.has(id))).toEqual([]);
    expect(await seedDemoViews(store, conn.db, NOW)).toBe(false);
  });
});
