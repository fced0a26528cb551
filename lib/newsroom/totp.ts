import { createHash, randomInt } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';

/**
 * The codes of two-factor sign-in (ADR 0043), pure: RFC 6238 TOTP as every
 * authenticator app makes it (HMAC-SHA-1, 30-second steps, 6 digits), and
 * the one-time recovery codes. Which codes an account has and which it has
 * used is ./two-factor.ts's.
 */

export const TOTP_RULES = {
  algorithm: 'SHA1',
  digits: 6,
  /** Seconds per step. */
  period: 30,
  /** Steps either side of now that are accepted: a phone's clock a little off, a code typed as it turned over. */
  window: 1,
} as const;

/** RFC 4226 asks for at least 128 bits and recommends 160: 20 random bytes, which apps take as 32 base32 letters. */
const SECRET_BYTES = 20;

/** A new TOTP secret, base32 (A–Z, 2–7), as apps take it typed in. */
export function newTotpSecret(): string {
  return new Secret({ size: SECRET_BYTES }).base32;
}

/** Whether `secret` is a base32 secret of ours (32 letters); anything else is never used. */
export function isTotpSecret(secret: string): boolean {
  return /^[A-Z2-7]{32}$/.test(secret);
}

function toTotp(secret: string, account = '', issuer = ''): TOTP {
  return new TOTP({ issuer, label: account, secret: Secret.fromBase32(secret), ...TOTP_RULES });
}

/** The `otpauth://totp/…` URI an app reads from the QR code: the site's name as issuer, the login as account. */
export function toOtpauthUri(input: { secret: string; account: string; issuer: string }): string {
  return toTotp(input.secret, input.account, input.issuer).toString();
}

/** The secret as it is shown to be typed: groups of four letters. */
export function formatTotpSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

/** The 30-second step `at` falls in (the counter of RFC 6238). */
export function toTotpStep(at: Date): number {
  return Math.floor(at.getTime() / 1000 / TOTP_RULES.period);
}

/** The code an app shows at `at` (tests, and the e2e spec that plays the phone). */
export function generateTotpCode(secret: string, at: Date): string {
  return toTotp(secret).generate({ timestamp: at.getTime() });
}

/**
 * What an editor typed, as compared: full-width digits and letters become
 * ASCII (NFKC), spaces and hyphens go, letters are lower case. A code read
 * aloud or pasted with its grouping still matches.
 */
export function normaliseCode(typed: string): string {
  return typed.normalize('NFKC').replace(/[\s-]/g, '').toLowerCase();
}

/** Whether a normalised code has the shape of a TOTP code (6 digits), rather than a recovery code. */
export function isTotpShaped(code: string): boolean {
  return /^\d{6}$/.test(code);
}

export type TotpVerdict = { ok: true; step: number } | { ok: false; reason: 'wrong' | 'reused' };

/**
 * Checks a typed TOTP code against `secret` at `at`. A code is accepted for
 * its own step or one either side, and only for a step after `lastStep` (the
 * last one the account used): a code seen over a shoulder, or sent twice,
 * never opens a second sign-in. The step to store as the new `lastStep` comes back.
 */
export function decideTotpCode(secret: string, typed: string, at: Date, lastStep: number | null): TotpVerdict {
  const code = normaliseCode(typed);
  if (!isTotpShaped(code) || !isTotpSecret(secret)) return { ok: false, reason: 'wrong' };
  const delta = toTotp(secret).validate({ token: code, timestamp: at.getTime(), window: TOTP_RULES.window });
  if (delta === null) return { ok: false, reason: 'wrong' };
  const step = toTotpStep(at) + delta;
  if (lastStep !== null && step <= lastStep) return { ok: false, reason: 'reused' };
  return { ok: true, step };
}

/** How many recovery codes an account gets at enrolment. */
export const RECOVERY_CODE_COUNT = 10;

/** No 0/o, 1/l/i: read off paper and typed without doubt. 31 symbols, 10 of them: about 49 bits a code. */
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const RECOVERY_LENGTH = 10;

/** Fresh recovery codes, shown once as `xxxxx-xxxxx`; only their hashes are kept. */
export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  const codes = new Set<string>();
  while (codes.size < count) {
    let code = '';
    for (let i = 0; i < RECOVERY_LENGTH; i++) code += RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)];
    codes.add(`${code.slice(0, 5)}-${code.slice(5)}`);
  }
  return [...codes];
}

/** Whether a normalised code has the shape of a recovery code. */
export function isRecoveryShaped(code: string): boolean {
  return new RegExp(`^[${RECOVERY_ALPHABET}]{${RECOVERY_LENGTH}}$`).test(code);
}

/**
 * What is stored of a recovery code: the SHA-256 (hex) of its normalised
 * form. A plain hash, as for session tokens: the code is random, not chosen
 * by a person, so there is no dictionary to try.
 */
export function hashRecoveryCode(typed: string): string {
  return createHash('sha256').update(`recovery\n${normaliseCode(typed)}`).digest('hex');
}
