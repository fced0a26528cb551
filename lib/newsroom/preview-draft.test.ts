import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyDraft } from './draft';
import { toDraftPreview } from './preview-draft';
import { openTestDatabase, type TestDatabase } from '../../test/support/database';
import { seedNewsroomFixtures } from '../../test/support/newsroom-fixtures';

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

  it('follows the republish chosen for a live article: a 軽微な修正 keeps its updated time, a 訂正 shows its notice (ADR 0034)', async () => {
    const live = { id: 'abcd2345', status: 'published' as const, publishedAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-02T00:00:00.000Z' };
    const fix = await toDraftPreview(conn.db, live, draft, now, { kind: 'fix', notice: '' });
    expect(fix).toMatchObject({ updatedAt: live.updatedAt, corrections: [] });
    const update = await toDraftPreview(conn.db, live, draft, now, { kind: 'update', notice: '(訂正)送られても更新には付かない。' });
    expect(update).toMatchObject({ updatedAt: now.toISOString(), corrections: [] });
    const correct = await toDraftPreview(conn.db, live, draft, now, { kind: 'correct', notice: '  (訂正)日付の誤りでした。\r\n' });
    expect(correct).toMatchObject({ updatedAt: now.toISOString(), corrections: [{ text: '(訂正)日付の誤りでした。', publishedAt: now.toISOString() }] });
    // No notice yet: nothing to show; and a draft never shows one.
    expect((await toDraftPreview(conn.db, live, draft, now, { kind: 'correct', notice: ' ' })).corrections).toEqual([]);
    expect((await toDraftPreview(conn.db, { ...live, status: 'draft' }, draft, now, { kind: 'correct', notice: '訂正' })).corrections).toEqual([]);
  });
});
