import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEditor } from '../newsroom/editors';
import { openTestDatabase, TEST_ENGINES, type TestDatabase } from '../../test/support/database';
import { createTestDraft, seedNewsroomFixtures } from '../../test/support/newsroom-fixtures';
import { checkPreviewToken, createPreviewLink, listPreviewLinks, revokePreviewLink } from './links';

const SECRET = 'k'.repeat(43);
const T0 = new Date('2026-11-20T03:00:00.000Z');

describe.each(TEST_ENGINES)('preview links on %s', (engine) => {
  let conn: TestDatabase;
  let articleId: string;
  let editorId: string;

  beforeAll(async () => {
    conn = await openTestDatabase(engine, 'previewlinks', { prepared: true });
    await seedNewsroomFixtures(conn.db);
    editorId = (await createEditor(conn.db, { login: 'desk', name: 'デスク', password: 'a long enough password' })).id;
    articleId = await createTestDraft(conn.db, editorId, T0);
  }, 60_000);
  afterAll(() => conn?.close());

  it('opens one article until it expires (48 hours by default)', async () => {
    const link = await createPreviewLink(conn.db, SECRET, { articleId, editorId, hours: 48, now: T0 });
    expect(link.expiresAt).toBe(new Date(T0.getTime() + 48 * 3_600_000).toISOString());
    expect(await checkPreviewToken(conn.db, SECRET, link.token, T0)).toMatchObject({ ok: true, articleId });
    expect(await checkPreviewToken(conn.db, SECRET, link.token, new Date(T0.getTime() + 48 * 3_600_000))).toEqual({
      ok: false,
      reason: 'expired',
    });
  });

  it('refuses altered, forged and foreign-key tokens', async () => {
    const link = await createPreviewLink(conn.db, SECRET, { articleId, editorId, hours: 1, now: T0 });
    const [id, expires, sig] = link.token.split('.') as [string, string, string];
    const later = String(Number(expires) + 3_600_000);
    expect((await checkPreviewToken(conn.db, SECRET, `${id}.${later}.${sig}`, T0)).ok).toBe(false);
    expect((await checkPreviewToken(conn.db, SECRET, `${id}.${expires}.${'A'.repeat(43)}`, T0)).ok).toBe(false);
    expect((await checkPreviewToken(conn.db, 'other'.repeat(9), link.token, T0)).ok).toBe(false);
    expect((await checkPreviewToken(conn.db, SECRET, 'garbage', T0)).ok).toBe(false);
    expect((await checkPreviewToken(conn.db, SECRET, undefined, T0)).ok).toBe(false);
  });

  it('is revocable, and lists with re-derived tokens', async () => {
    const link = await createPreviewLink(conn.db, SECRET, { articleId, editorId, hours: 24, now: T0 });
    expect(await revokePreviewLink(conn.db, 'wrongid2', link.id, T0)).toBe(false);
    expect(await revokePreviewLink(conn.db, articleId, link.id, T0)).toBe(true);
    expect(await checkPreviewToken(conn.db, SECRET, link.token, T0)).toEqual({ ok: false, reason: 'revoked' });
    const listed = await listPreviewLinks(conn.db, SECRET, articleId);
    expect(listed.find((l) => l.id === link.id)).toMatchObject({ token: link.token, revokedAt: T0.toISOString(), status: 'revoked' });
  });

  it('lists each link as the newsroom shows it: active until its expiry, then expired; revoked whatever the time', async () => {
    const open = await createPreviewLink(conn.db, SECRET, { articleId, editorId, hours: 6, now: T0 });
    const revoked = await createPreviewLink(conn.db, SECRET, { articleId, editorId, hours: 6, now: T0 });
    await revokePreviewLink(conn.db, articleId, revoked.id, T0);
    const statusAt = async (at: Date) => {
      const listed = await listPreviewLinks(conn.db, SECRET, articleId, at);
      return [open, revoked].map((link) => listed.find((l) => l.id === link.id)?.status);
    };
    expect(await statusAt(T0)).toEqual(['active', 'revoked']);
    expect(await statusAt(new Date(T0.getTime() + 6 * 3_600_000 - 1))).toEqual(['active', 'revoked']);
    expect(await statusAt(new Date(T0.getTime() + 6 * 3_600_000))).toEqual(['expired', 'revoked']);
  });
});
