import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

/**
 * The site's one signing module: secrets the install keeps for itself, and
 * HMAC-SHA256 signatures and keyed hashes made with them. Every signed value
 * (session CSRF tokens, the sign-in form's token, preview links, device
 * cookies, unsubscribe links), every keyed hash of an address and every
 * comparison with a shared secret (POST /api/revalidate's bearer) goes
 * through here, with a purpose prefix so one signature never serves another use.
 */

/** The server's own secret: signs the newsroom's tokens and preview links (KIJI_SECRET overrides it). */
export const SERVER_SECRET = 'hmac';
/** The newsletter's secret: signs unsubscribe links and keys address hashes (kept apart so KIJI_SECRET can rotate without breaking mailed links). */
export const NEWSLETTER_SECRET = 'newsletter-signing';

/**
 * The secret `name`: `fromEnv` when set, otherwise a random key made on first
 * use and kept in the database, so every instance sharing the database signs
 * and checks with the same key and links survive restarts.
 */
export async function loadSecret(db: Kysely<Database>, name: string, fromEnv?: string, now = new Date()): Promise<string> {
  if (fromEnv) return fromEnv;
  const existing = await db.selectFrom('server_secrets').select('value').where('name', '=', name).executeTakeFirst();
  if (existing) return existing.value;
  await db
    .insertInto('server_secrets')
    .values({ name, value: randomBytes(32).toString('base64url'), created_at: now.toISOString() })
    // Two instances starting together: the first insert wins, both read it back.
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db.selectFrom('server_secrets').select('value').where('name', '=', name).executeTakeFirstOrThrow();
  return row.value;
}

/**
 * How purpose and message are joined before they are signed. Every signature
 * made now is `line` (`purpose\nmessage`). `colon` (`purpose:message`) is how
 * the newsletter signed unsubscribe links until 2026-12-04: links in mails
 * already sent are still checked with it, and nothing is signed with it any
 * more. Changing a framing invalidates every token made with it.
 */
export type SignatureFraming = 'line' | 'colon';

const SEPARATORS: Record<SignatureFraming, string> = { line: '\n', colon: ':' };

/** base64url HMAC-SHA256 of `message` under `secret`, framed as `purpose\nmessage` (or, to check old tokens, `purpose:message`). */
export function sign(secret: string, purpose: string, message: string, framing: SignatureFraming = 'line'): string {
  return createHmac('sha256', secret).update(`${purpose}${SEPARATORS[framing]}${message}`).digest('base64url');
}

/** Constant-time check of a signature made by {@link sign} with the same framing. */
export function verifySignature(secret: string, purpose: string, message: string, signature: string, framing: SignatureFraming = 'line'): boolean {
  return equalInConstantTime(sign(secret, purpose, message, framing), signature);
}

/** Constant-time comparison of two strings (false for different lengths). */
export function equalInConstantTime(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Whether `given` is the shared secret `secret` (a bearer token), in the same
 * time whatever either's length: both are hashed before the comparison.
 */
export function isSameSecret(given: string, secret: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(secret));
}

/**
 * A keyed hash of an address (a client's IP, a mailbox for its rate limit):
 * the same input matches itself, and the stored value reveals nothing without
 * the secret (a plain hash of an IPv4 address is reversed by trying all 2³²).
 */
export function keyedHash(secret: string, purpose: string, value: string): string {
  return sign(secret, purpose, value).slice(0, 32);
}
