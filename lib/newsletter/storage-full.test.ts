import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../db/connect';
import { isStorageFull, STORAGE_FULL_MESSAGE } from '../db/errors';
import { openTestDatabase, type TestDatabase } from '../../test/support/database';
import { CURRENT_CONSENT_VERSION } from './consent';
import { handleSignup } from './http';

/**
 * A full disk (issue 14, defect 12): a signup answered a bare 500 with an
 * empty body. SQLite's page limit stands in for the disk: past it every write
 * fails with SQLITE_FULL, as on a full file system.
 */

describe('a signup when storage is full', () => {
  let conn: TestDatabase;
  beforeAll(async () => {
    conn = await openTestDatabase('sqlite', 'storage-full');
    await migrateToLatest(conn);
  }, 60_000);
  afterAll(async () => conn?.close());

  const signup = (accept: string) =>
    new Request('https://kiji.example/api/newsletter/subscribe', {
      method: 'POST',
      body: JSON.stringify({ email: `full-${accept.length}@example.jp`, consent: CURRENT_CONSENT_VERSION, placement: 'article', website: '', note: 'x'.repeat(10) }),
      headers: { 'content-type': 'application/json', accept, 'x-forwarded-for': '198.51.100.77' },
    });
  const subscribers = async () => Number((await conn.db.selectFrom('newsletter_subscribers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  it('answers 503 with a Japanese message, and keeps nothing half-written', async () => {
    const deps = { db: conn.db, siteUrl: 'https://kiji.example', mailFrom: 'Kiji <news@kiji.example>', proxyHops: 0 };
    // Forbid new pages, then fill the free room of the tables a signup writes
    // last (the outbox), so its first writes fit and its last one fails.
    const { rows } = await sql<{ page_count: number }>`pragma page_count`.execute(conn.db);
    await sql.raw(`pragma max_page_count = ${rows[0]!.page_count}`).execute(conn.db);
    for (let i = 0; ; i++) {
      const mail = {
        id: `ballast-${i}`,
        kind: 'ballast',
        from_address: 'a@example.jp',
        to_address: 'b@example.jp',
        subject: 's',
        text_body: 'y'.repeat(500),
        html_body: '',
        headers: '{}',
        status: 'sent' as const,
        attempts: 1,
        next_attempt_at: '2026-01-01T00:00:00.000Z',
        created_at: '2026-01-01T00:00:00.000Z',
      };
      const filled = await conn.db.insertInto('mail_outbox').values(mail).execute().then(() => true, (error: unknown) => (isStorageFull(error) ? false : Promise.reject(error)));
      if (!filled) break;
    }
    for (const accept of ['application/json', 'text/html']) {
      const response = await handleSignup(signup(accept), deps);
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBeTruthy();
      expect(await response.text()).toContain(accept === 'application/json' ? JSON.stringify(STORAGE_FULL_MESSAGE).slice(1, -1) : STORAGE_FULL_MESSAGE);
    }
    expect(await subscribers()).toBe(0);
  });

  it('recognises a full disk from SQLite, PostgreSQL and the file system, and nothing else', () => {
    expect(isStorageFull(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }))).toBe(true);
    expect(isStorageFull({ code: '53100', message: 'could not extend file' })).toBe(true);
    expect(isStorageFull(new Error('write failed', { cause: Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' }) }))).toBe(true);
    expect(isStorageFull(Object.assign(new Error('unique'), { code: 'SQLITE_CONSTRAINT_UNIQUE' }))).toBe(false);
    expect(isStorageFull(null)).toBe(false);
  });
});

describe('a newsroom write when storage is full', () => {
  it('answers 503 with the Japanese message; any other failure stays a 500 that says only that it failed', async () => {
    const { toErrorResponse } = await import('../newsroom/http');
    const full = toErrorResponse(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }));
    expect(full.status).toBe(503);
    expect(((await full.json()) as { error: string }).error).toBe(STORAGE_FULL_MESSAGE);
    expect(toErrorResponse(new Error('boom')).status).toBe(500);
  });
});
