import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { toClientSubject } from '../http/client-address';
import { forgiveRateLimit, hitRateLimit, type RateLimit, type RateVerdict } from '../http/rate-limit';
import { normaliseLogin } from './editors';
import { sign, verifySignature } from '../signing';

/**
 * Sign-in throttling, on the site's one rate limiter (lib/http/rate-limit.ts):
 * every attempt is counted before its password is checked, so concurrent
 * guesses cannot slip past the limit, and a right password takes its
 * attempt back.
 *
 * An account's owner keeps signing in while someone guesses its password
 * (OWASP's "device cookie" defence): a browser the account has signed in
 * from holds a signed cookie naming the account, and its attempts count in
 * a bucket of their own. The per-login lock stops only browsers the account
 * has never used, so five wrong guesses from anywhere lock out the guesser,
 * not the editor at their usual desk.
 */
export const SIGN_IN_LIMITS = {
  /** Attempts per client (an IPv4 address or an IPv6 /64): stops one machine from spraying passwords over many logins. */
  perAddress: { name: 'sign-in-address', max: 20, windowSeconds: 900 },
  /** Attempts per login from browsers the account has not signed in from: stops guessing one editor's password. */
  perLogin: { name: 'sign-in-login', max: 5, windowSeconds: 900 },
  /** Attempts per known browser (device cookie): the owner's own typos, and a stolen cookie is still limited. */
  perDevice: { name: 'sign-in-device', max: 10, windowSeconds: 900 },
} as const satisfies Record<string, RateLimit>;

/** Sent only to the sign-in route; a year, renewed at each sign-in. */
export const DEVICE_COOKIE = { name: 'kiji_device', path: '/api/newsroom/sign-in', maxAgeSeconds: 365 * 24 * 60 * 60 } as const;

const DEVICE_PURPOSE = 'sign-in-device';

/** A new device cookie value for `login`: a random id and our signature binding it to the account. */
export function issueDeviceToken(secret: string, login: string): string {
  const id = randomBytes(12).toString('base64url');
  return `${id}.${sign(secret, DEVICE_PURPOSE, `${normaliseLogin(login)}\n${id}`)}`;
}

/** The device id when `token` is a device cookie this server issued for `login`, else null. */
export function readDeviceToken(secret: string, login: string, token: string | undefined): string | null {
  const m = token ? /^([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{43})$/.exec(token) : null;
  if (!m) return null;
  return verifySignature(secret, DEVICE_PURPOSE, `${normaliseLogin(login)}\n${m[1]}`, m[2]!) ? m[1]! : null;
}

/** Who is trying: the login typed, the client address (lib/http/client-address.ts), and the verified device id if any. */
export type SignInAttempt = { login: string; address: string | null; device: string | null };

function loginBucket({ login, device }: SignInAttempt): [RateLimit, string] {
  return device ? [SIGN_IN_LIMITS.perDevice, device] : [SIGN_IN_LIMITS.perLogin, normaliseLogin(login).slice(0, 64)];
}

/**
 * Counts an attempt against its address and its login (or device) and says
 * whether its password may be checked; when not, how many seconds until it
 * may. Full-width and upper-case spellings of a login are the same account.
 */
export async function admitSignInAttempt(db: Kysely<Database>, attempt: SignInAttempt, now = new Date()): Promise<RateVerdict> {
  const [limit, subject] = loginBucket(attempt);
  const verdicts = [await hitRateLimit(db, limit, subject, now)];
  if (attempt.address) verdicts.push(await hitRateLimit(db, SIGN_IN_LIMITS.perAddress, toClientSubject(attempt.address), now));
  const refusals = verdicts.filter((v) => !v.allowed);
  if (refusals.length === 0) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(...refusals.map((v) => v.retryAfterSeconds)) };
}

/**
 * Gives an attempt back: after signing in the login's (or device's) count
 * starts again and the address gets this attempt back; an attempt whose
 * password was never checked (the queue was full) is taken back from both,
 * and so is a right password that still needs its 確認コード (ADR 0043):
 * the count is not reset there, or someone who knows the password could
 * clear their wrong codes by typing it again.
 */
export async function forgiveSignInAttempt(db: Kysely<Database>, attempt: SignInAttempt, reason: 'signed-in' | 'unchecked' | 'password-only'): Promise<void> {
  const [limit, subject] = loginBucket(attempt);
  await forgiveRateLimit(db, limit, subject, reason === 'signed-in' ? 'all' : 'one');
  if (attempt.address) await forgiveRateLimit(db, SIGN_IN_LIMITS.perAddress, toClientSubject(attempt.address), 'one');
}
