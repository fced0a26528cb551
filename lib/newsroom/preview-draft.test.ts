import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyDraft } from './draft';
import { toDraftPreview } from './preview-draft';
import { openTestDatabase, type TestDatabase } from '../db/testing';
import { seedNewsroomFixtures } from './test-fixtures';

describe('toDraftPreview', () => {
  let conn: TestDatabase;
  const now = new Date('2026-11-20T03:00:00.000Z');
  const draft = { ...emptyDraft('world'), headline: '港町の朝市', body: '一段落目。' };

  beforeAll(async () => {
    conn = await openTestDatabase('sqlite', 'preview-draft', { prepared: true });
    await seedNewsroomFixtures(conn.db);
  }, 60_000);
  afterAll(() => conn?.close());

  it('dates a never-published draft as if it were published now', async () => {
    const article = await toDraftPreview(conn.db, { id: 'abcd2345', status: 'draft', publishedAt: null }, draft, now);
    expect(article).toMatchObject({ id: 'abcd2345', headline: '港町の朝市', publishedAt: now.toISOString(), updatedAt: now.toISOString() });
  });

  it('keeps a scheduled article at its scheduled time, uncorrected', async () => {
    const at = '2026-11-21T00:00:00.000Z';
    const article = await toDraftPreview(conn.db, { id: 'abcd2345', status: 'scheduled', publishedAt: at }, draft, now);
    expect(article).toMatchObject({ publishedAt: at, updatedAt: at });
  });

  it('shows a live article as corrected now, first published when it was', async () => {
    const at = '2026-11-01T00:00:00.000Z';
    const article = await toDraftPreview(conn.db, { id: 'abcd2345', status: 'published', publishedAt: at }, draft, now);
    expect(article).toMatchObject({ publishedAt: at, updatedAt: now.toISOString() });
  });
});
