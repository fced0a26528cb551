import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { normaliseLogin } from './editors';

/**
 * Sign-in throttling, per account and per client address, counted in the
 * database so it holds across instances and restarts. Only failures count:
 * an editor who types the password right is never slowed down.
 */
export const SIGN_IN_LIMITS = {
  windowMs: 15 * 60 * 1000,
  /** Failures per login in the window: stops guessing one editor's password. */
  perLogin: 5,
  /** Failures per address in the window: stops spraying one password over many logins. */
  perAddress: 20,
} as const;

export type SignInKeys = { login: string; address: string | null };

function toKeys({ login, address }: SignInKeys): { login: string; address: string | null } {
  return { login: `login:${normaliseLogin(login).slice(0, 64)}`, address: address ? `ip:${address.slice(0, 64)}` : null };
}

async function countSince(db: Kysely<Database>, key: string, since: string): Promise<{ n: number; oldest: string | null }> {
  const row = await db
    .selectFrom('sign_in_failures')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('at').as('oldest')])
    .where('key', '=', key)
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  return { n: Number(row.n), oldest: (row.oldest as string | null) ?? null };
}

/**
 * Whether another sign-in attempt may be checked now; when not, how many
 * seconds until the oldest counted failure leaves the window.
 */
export async function checkSignInAllowed(
  db: Kysely<Database>,
  keys: SignInKeys,
  now = new Date(),
): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }> {
  const k = toKeys(keys);
  const since = new Date(now.getTime() - SIGN_IN_LIMITS.windowMs).toISOString();
  const checks: [string, number][] = [[k.login, SIGN_IN_LIMITS.perLogin]];
  if (k.address) checks.push([k.address, SIGN_IN_LIMITS.perAddress]);
  let retryAt = 0;
  for (const [key, limit] of checks) {
    const { n, oldest } = await countSince(db, key, since);
    if (n >= limit && oldest) retryAt = Math.max(retryAt, Date.parse(oldest) + SIGN_IN_LIMITS.windowMs);
  }
  if (retryAt === 0) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((retryAt - now.getTime()) / 1000)) };
}

/** Counts one failed attempt against the login and the address. */
export async function recordSignInFailure(db: Kysely<Database>, keys: SignInKeys, now = new Date()): Promise<void> {
  const k = toKeys(keys);
  const at = now.toISOString();
  await db
    .insertInto('sign_in_failures')
    .values([{ key: k.login, at }, ...(k.address ? [{ key: k.address, at }] : [])])
    .execute();
  // Failures older than the window never count again.
  await db
    .deleteFrom('sign_in_failures')
    .where('at', '<=', new Date(now.getTime() - SIGN_IN_LIMITS.windowMs).toISOString())
    .execute();
}

/** After a successful sign-in the account's count starts again (the address's does not). */
export async function clearLoginFailures(db: Kysely<Database>, login: string): Promise<void> {
  await db.deleteFrom('sign_in_failures').where('key', '=', toKeys({ login, address: null }).login).execute();
}

