import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listLatest, listSectionArticles } from '../content/queries';
import { migrateToLatest, openDatabase } from '../db/connect';
import { seedDemoContent } from './seed-demo';
import { addScaleArticles } from './scale';

describe('addScaleArticles', () => {
  const conn = openDatabase({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'kiji-scale-')) });
  afterAll(() => conn.db.destroy());
  const now = new Date('2026-11-20T03:00:00Z');

  it('adds the requested number of public articles, and adds again without colliding', async () => {
    await migrateToLatest(conn);
    await seedDemoContent(conn.db, { now });
    const before = (await listLatest(conn.db, now, 100_000)).length;
    await addScaleArticles(conn.db, { count: 1_234, now, batchSize: 500 });
    await addScaleArticles(conn.db, { count: 10, now });
    const after = await listLatest(conn.db, now, 100_000);
    expect(after.length).toBe(before + 1_244);
    expect(new Set(after.map((a) => a.id)).size).toBe(after.length);
    expect((await listSectionArticles(conn.db, 'world', 3, now)).items.length).toBeGreaterThan(0);
  }, 60_000);
});
