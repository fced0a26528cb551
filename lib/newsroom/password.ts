import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import PQueue from 'p-queue';

/**
 * Password hashing with scrypt (Node's built-in, memory-hard KDF).
 * Stored as `scrypt$N$r$p$salt$key` (salt and key base64url) so the cost can
 * rise later without invalidating existing hashes: verification reads the
 * parameters from the hash itself.
 */

// N = 2^15, r = 8: 32 MiB of memory per hash, ~50–100 ms on this machine
// (OWASP's scrypt minimum is N = 2^17 with r = 8 and p = 1 *or* an equivalent
// cost; 2^15 with p = 1 keeps sign-in responsive on a 2-core server).
const COST = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
// Node refuses N·r·128 above maxmem; leave room for the biggest cost we accept.
const MAX_MEMORY = 256 * 1024 * 1024;

function derive(password: string, salt: Buffer, options: ScryptOptions & { N: number; r: number; p: number }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, { ...options, maxmem: MAX_MEMORY }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** A new salted scrypt hash of `password`, in the self-describing stored format. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const key = await derive(password, salt, COST);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

const STORED = /^scrypt\$(\d{1,8})\$(\d{1,3})\$(\d{1,3})\$([A-Za-z0-9_-]{8,})\$([A-Za-z0-9_-]{16,})$/;

/**
 * Whether `password` matches a stored hash, compared in constant time.
 * A malformed hash never matches (and never throws), so a damaged row locks
 * its account rather than opening it.
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const m = STORED.exec(stored);
  if (!m) return false;
  const [N, r, p] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (N < 2 || (N & (N - 1)) !== 0 || N * r * 128 > MAX_MEMORY / 2) return false;
  const expected = Buffer.from(m[5] ?? '', 'base64url');
  const key = await derive(password, Buffer.from(m[4] ?? '', 'base64url'), { N, r, p }).catch(() => null);
  return key !== null && key.length === expected.length && timingSafeEqual(key, expected);
}

// Hashing something for an unknown login costs as much as for a known one,
// so response time does not tell an attacker which logins exist.
let dummyHash: Promise<string> | undefined;

/** Spends the time a real verification would, for a login that does not exist. Always false. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  await verifyPassword(password, await dummyHash);
  return false;
}

/**
 * The seeded demo editor's password. It is printed in the README, so no
 * account may choose it, and a public deployment refuses to start while the
 * demo editor still has it (lib/newsroom/startup.ts).
 */
export const DEMO_PASSWORD = 'kiji-demo-newsroom';

/** Why a new password is refused, in Japanese for the screen or CLI; null when it is acceptable. */
export function checkPasswordStrength(password: string): string | null {
  if (password.normalize('NFKC') === DEMO_PASSWORD) return 'デモ用のパスワードは使えません。';
  if (password.length < 12) return 'パスワードは12文字以上にしてください。';
  if (password.length > 200) return 'パスワードは200文字以内にしてください。';
  if (/^(.)\1+$/.test(password)) return '同じ文字の繰り返しはパスワードに使えません。';
  return null;
}

/**
 * Password checks run one at a time, in a queue of bounded length: a hash
 * costs a core for ~50–100 ms, and a flood of sign-in attempts (from many
 * addresses, each under its own limit) must not take the cores readers'
 * pages need. A browser the account has signed in from before goes to the
 * front of the queue and is never turned away; any other attempt finding
 * the queue full is refused at once, without hashing.
 */
const passwordChecks = new PQueue({ concurrency: 1 });
/** Untrusted attempts that may wait behind the one being checked. */
export const PASSWORD_QUEUE_LIMIT = 4;

export class PasswordCheckBusyError extends Error {
  constructor() {
    super('password checks are saturated');
  }
}

/** Runs `check` (a password verification) in the one-at-a-time queue; throws {@link PasswordCheckBusyError} when an untrusted attempt finds it full. */
export function runPasswordCheck<T>(check: () => Promise<T>, { trusted }: { trusted: boolean }): Promise<T> {
  if (!trusted && passwordChecks.size >= PASSWORD_QUEUE_LIMIT) return Promise.reject(new PasswordCheckBusyError());
  return passwordChecks.add(check, { priority: trusted ? 1 : 0, throwOnTimeout: true });
}
