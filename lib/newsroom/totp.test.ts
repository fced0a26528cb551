import { describe, expect, it } from 'vitest';
import { issueSecondStepToken, readSecondStepToken, SECOND_STEP_LIFETIME_MS } from './second-step';
import {
  decideTotpCode,
  formatTotpSecret,
  generateTotpCode,
  hashRecoveryCode,
  isRecoveryShaped,
  isTotpSecret,
  newRecoveryCodes,
  newTotpSecret,
  normaliseCode,
  toOtpauthUri,
  toTotpStep,
} from './totp';

/**
 * TOTP as an authenticator app makes it (RFC 6238), and the rules Kiji adds:
 * a code is accepted one step either side of now and never twice.
 */

// RFC 6238 appendix B: the SHA-1 key is the ASCII "12345678901234567890".
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
// Its 8-digit values for SHA-1; a 6-digit code is the same number modulo 10⁶ (RFC 4226 §5.3), its last six digits.
const RFC_VECTORS: [seconds: number, code8: string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

const at = (seconds: number) => new Date(seconds * 1000);

describe('TOTP (RFC 6238, SHA-1, 30 s, 6 digits)', () => {
  it('makes the codes of the RFC test vectors', () => {
    for (const [seconds, code8] of RFC_VECTORS) expect(generateTotpCode(RFC_SECRET, at(seconds)), String(seconds)).toBe(code8.slice(2));
  });

  it('accepts a vector code at its time and one step either side, not two', () => {
    const t = 1111111111;
    const code = '050471';
    expect(decideTotpCode(RFC_SECRET, code, at(t), null)).toEqual({ ok: true, step: toTotpStep(at(t)) });
    expect(decideTotpCode(RFC_SECRET, code, at(t + 30), null)).toMatchObject({ ok: true, step: toTotpStep(at(t)) });
    expect(decideTotpCode(RFC_SECRET, code, at(t - 30), null)).toMatchObject({ ok: true });
    expect(decideTotpCode(RFC_SECRET, code, at(t + 61), null)).toEqual({ ok: false, reason: 'wrong' });
    expect(decideTotpCode(RFC_SECRET, '050472', at(t), null)).toEqual({ ok: false, reason: 'wrong' });
  });

  it('refuses a code for a step already used, and an earlier one, but takes the next', () => {
    const t = 1234567890;
    const first = decideTotpCode(RFC_SECRET, '005924', at(t), null);
    expect(first.ok).toBe(true);
    const step = (first as { step: number }).step;
    expect(decideTotpCode(RFC_SECRET, '005924', at(t + 1), step)).toEqual({ ok: false, reason: 'reused' });
    expect(decideTotpCode(RFC_SECRET, generateTotpCode(RFC_SECRET, at(t - 30)), at(t), step)).toEqual({ ok: false, reason: 'reused' });
    expect(decideTotpCode(RFC_SECRET, generateTotpCode(RFC_SECRET, at(t + 30)), at(t + 30), step)).toEqual({ ok: true, step: step + 1 });
  });

  it('reads a code typed with full-width digits or spaces', () => {
    expect(normaliseCode(' ００５ ９２４ ')).toBe('005924');
    expect(decideTotpCode(RFC_SECRET, '００５９２４', at(1234567890), null).ok).toBe(true);
    expect(decideTotpCode(RFC_SECRET, '5924', at(1234567890), null)).toEqual({ ok: false, reason: 'wrong' });
  });

  it('makes a new 20-byte secret each time, as 32 base32 letters, and an otpauth URI apps read', () => {
    const a = newTotpSecret();
    expect(isTotpSecret(a)).toBe(true);
    expect(a).not.toBe(newTotpSecret());
    expect(formatTotpSecret(a).split(' ')).toHaveLength(8);
    const uri = new URL(toOtpauthUri({ secret: a, account: 'sato', issuer: 'Kiji' }));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(uri.searchParams.get('secret')).toBe(a);
    expect(uri.searchParams.get('issuer')).toBe('Kiji');
    expect(uri.searchParams.get('digits')).toBe('6');
    expect(uri.searchParams.get('period')).toBe('30');
    expect(decodeURIComponent(uri.pathname)).toBe('/Kiji:sato');
    // A code of the new secret works at once.
    const now = new Date();
    expect(decideTotpCode(a, generateTotpCode(a, now), now, null).ok).toBe(true);
  });
});

describe('recovery codes', () => {
  it('makes ten different codes of an unambiguous alphabet, hashed however they are typed', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) {
      expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
      expect(code).not.toMatch(/[01ilo]/);
      expect(isRecoveryShaped(normaliseCode(code))).toBe(true);
    }
    const [code] = codes as [string];
    expect(hashRecoveryCode(code.toUpperCase().replace('-', ' '))).toBe(hashRecoveryCode(code));
    expect(hashRecoveryCode(code)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashRecoveryCode(code)).not.toContain(code.replace('-', ''));
  });
});

describe('the code step token', () => {
  const secret = 'a-test-secret-of-at-least-thirty-two-characters';
  const now = new Date('2026-12-05T09:00:00Z');

  it('names its account for five minutes, then nothing', () => {
    const token = issueSecondStepToken(secret, 'editor-1', now);
    expect(readSecondStepToken(secret, token, now)).toBe('editor-1');
    expect(readSecondStepToken(secret, token, new Date(now.getTime() + SECOND_STEP_LIFETIME_MS - 1))).toBe('editor-1');
    expect(readSecondStepToken(secret, token, new Date(now.getTime() + SECOND_STEP_LIFETIME_MS))).toBeNull();
  });

  it('is worthless forged, moved to another account, stretched, or signed with another secret', () => {
    const token = issueSecondStepToken(secret, 'editor-1', now);
    const [id, expires, signature] = token.split('.') as [string, string, string];
    expect(readSecondStepToken(secret, `editor-2.${expires}.${signature}`, now)).toBeNull();
    expect(readSecondStepToken(secret, `${id}.${Number(expires) + 60_000}.${signature}`, now)).toBeNull();
    expect(readSecondStepToken('another-secret-of-at-least-thirty-two-chars', token, now)).toBeNull();
    expect(readSecondStepToken(secret, `${id}.${expires}.${'A'.repeat(43)}`, now)).toBeNull();
    expect(readSecondStepToken(secret, undefined, now)).toBeNull();
    expect(readSecondStepToken(secret, 'garbage', now)).toBeNull();
  });
});
