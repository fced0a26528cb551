import { readClientAddress as readSharedClientAddress } from '../http/client-address';
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { keyedHash, loadSecret, NEWSLETTER_SECRET, sign, verifySignature } from '../signing';

/** A fresh unguessable token (256 bits, URL-safe): confirmation links, row ids. */
export function createToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** What the database keeps of a confirmation token: a leaked table cannot confirm anyone. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const secrets = new WeakMap<object, Promise<string>>();

/**
 * The newsletter's secret (lib/signing), read once per database handle: it
 * signs unsubscribe links and keys the address hashes of the consent record
 * and the signup limits.
 */
export function getSigningSecret(db: Kysely<Database>): Promise<string> {
  let secret = secrets.get(db);
  if (!secret) {
    secret = loadSecret(db, NEWSLETTER_SECRET);
    secret.catch(() => secrets.delete(db));
    secrets.set(db, secret);
  }
  return secret;
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
  const signature = token.slice(dot + 1);
  if (verifySignature(secret, 'unsubscribe', id, signature)) return id;
  // A link in a mail sent before 2026-12-04 keeps working for as long as the mail is kept.
  return verifySignature(secret, 'unsubscribe', id, signature, 'colon') ? id : null;
}

/** A keyed hash of an address (a client's IP, or a mailbox for its rate limit), lib/signing's. */
export function hashAddress(secret: string, address: string): string {
  return keyedHash(secret, 'ip', address);
}

/** The client's address for the per-client limit (lib/http/client-address.ts); 'unknown' when there is none. */
export function readClientAddress(forwardedFor: string | null, hops: number): string {
  return readSharedClientAddress(forwardedFor, hops) ?? 'unknown';
}
