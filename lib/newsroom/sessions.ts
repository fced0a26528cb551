import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { Editor } from './editors';

/** A session lasts a working day and a bit; then the editor signs in again. */
export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** The session's database id: the SHA-256 of its cookie token, so the table alone opens nothing. */
export function toSessionId(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Starts a session: a fresh random token for the cookie (32 bytes) and its hashed row. */
export async function createSession(
  db: Kysely<Database>,
  editorId: string,
  now = new Date(),
): Promise<{ token: string; sessionId: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const sessionId = toSessionId(token);
  const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
  await db
    .insertInto('editor_sessions')
    .values({ id: sessionId, editor_id: editorId, created_at: now.toISOString(), expires_at: expiresAt.toISOString() })
    .execute();
  return { token, sessionId, expiresAt };
}

/** The editor a cookie token belongs to, and whether it has two-factor sign-in, while its session lasts; null for anything else. */
export async function findSession(
  db: Kysely<Database>,
  token: string | undefined,
  now = new Date(),
): Promise<{ sessionId: string; editor: Editor; twoFactorOn: boolean } | null> {
  if (!token || !TOKEN_PATTERN.test(token)) return null;
  const sessionId = toSessionId(token);
  const row = await db
    .selectFrom('editor_sessions')
    .innerJoin('editors', 'editors.id', 'editor_sessions.editor_id')
    .select(['editors.id', 'editors.login', 'editors.name', 'editors.role', 'editors.totp_secret', 'editor_sessions.expires_at'])
    .where('editor_sessions.id', '=', sessionId)
    .executeTakeFirst();
  if (!row || Date.parse(row.expires_at) <= now.getTime()) return null;
  // The role and two-factor sign-in are read at every request, so a change applies at once.
  return { sessionId, editor: { id: row.id, login: row.login, name: row.name, role: row.role }, twoFactorOn: row.totp_secret !== null };
}

/** Ends a session (sign-out, or the old one at sign-in). Unknown tokens are ignored. */
export async function revokeSession(db: Kysely<Database>, token: string | undefined, now = new Date()): Promise<void> {
  if (!token || !TOKEN_PATTERN.test(token)) return;
  await db.deleteFrom('editor_sessions').where('id', '=', toSessionId(token)).execute();
  // Expired rows are useless; sweeping them here keeps the table small without a job.
  await db.deleteFrom('editor_sessions').where('expires_at', '<=', now.toISOString()).execute();
}
