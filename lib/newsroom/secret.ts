import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

const SECRET_NAME = 'hmac';

/**
 * The server's HMAC key: KIJI_SECRET when set, otherwise a random key made
 * on first use and kept in the database, so every instance sharing the
 * database signs and checks with the same key and links survive restarts.
 */
export async function loadServerSecret(db: Kysely<Database>, fromEnv: string | undefined, now = new Date()): Promise<string> {
  if (fromEnv) return fromEnv;
  const existing = await db.selectFrom('server_secrets').select('value').where('name', '=', SECRET_NAME).executeTakeFirst();
  if (existing) return existing.value;
  await db
    .insertInto('server_secrets')
    .values({ name: SECRET_NAME, value: randomBytes(32).toString('base64url'), created_at: now.toISOString() })
    // Two instances starting together: the first insert wins, both read it back.
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db.selectFrom('server_secrets').select('value').where('name', '=', SECRET_NAME).executeTakeFirstOrThrow();
  return row.value;
}

/** base64url HMAC-SHA256 of `message` under `secret`, with a purpose prefix so one signature never serves another use. */
export function sign(secret: string, purpose: string, message: string): string {
  return createHmac('sha256', secret).update(`${purpose}\n${message}`).digest('base64url');
}

/** Constant-time check of a signature made by {@link sign}. */
export function verifySignature(secret: string, purpose: string, message: string, signature: string): boolean {
  const expected = Buffer.from(sign(secret, purpose, message));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
