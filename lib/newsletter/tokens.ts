import { readClientAddress as readSharedClientAddress } from '../http/client-address';
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

/** A fresh unguessable token (256 bits, URL-safe): confirmation links, row ids. */
export function createToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** What the database keeps of a confirmation token: a leaked table cannot confirm anyone. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const SECRET_NAME = 'newsletter-signing';
const secrets = new WeakMap<object, Promise<string>>();

/**
 * The install's own secret, made on first use and kept in the database so
 * every instance shares it: it signs unsubscribe links and keys the IP hashes
 * of the consent record (a plain hash of an IPv4 address is reversed by
 * trying all 2³² of them).
 */
export function getSigningSecret(db: Kysely<Database>): Promise<string> {
  let secret = secrets.get(db);
  if (!secret) {
    secret = (async () => {
      await db
        .insertInto('newsletter_secrets')
        .values({ name: SECRET_NAME, value: randomBytes(32).toString('base64url') })
        .onConflict((oc) => oc.column('name').doNothing())
        .execute();
      const row = await db.selectFrom('newsletter_secrets').select('value').where('name', '=', SECRET_NAME).executeTakeFirstOrThrow();
      return row.value;
    })();
    secret.catch(() => secrets.delete(db));
    secrets.set(db, secret);
  }
  return secret;
}

function sign(secret: string, purpose: string, value: string): string {
  return createHmac('sha256', secret).update(`${purpose}:${value}`).digest('base64url');
}

/**
 * The unsubscribe token of a subscriber: their id and a signature. Stateless,
 * so every mail ever sent to them (welcome, newsletters, a confirmation still
 * in the outbox) carries a link that keeps working.
 */
export function createUnsubscribeToken(secret: string, subscriberId: string): string {
  return `${subscriberId}.${sign(secret, 'unsubscribe', subscriberId)}`;
}

/** The subscriber an unsubscribe token names, or null when it was not made by us. */
export function readUnsubscribeToken(secret: string, token: string): string | null {
  const dot = token.indexOf('.');
  if (dot <= 0) return null;
  const id = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1));
  const expected = Buffer.from(sign(secret, 'unsubscribe', id));
  return given.length === expected.length && timingSafeEqual(given, expected) ? id : null;
}

/**
 * A keyed hash of an address (a client's IP, or a mail address for its rate
 * limit): the same input matches itself, and the stored value reveals nothing
 * without the install's secret.
 */
export function hashAddress(secret: string, address: string): string {
  return sign(secret, 'ip', address).slice(0, 32);
}

/** The client's address for the per-client limit (lib/http/client-address.ts); 'unknown' when there is none. */
export function readClientAddress(forwardedFor: string | null, hops: number): string {
  return readSharedClientAddress(forwardedFor, hops) ?? 'unknown';
}
