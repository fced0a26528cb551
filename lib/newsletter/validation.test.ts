import { describe, expect, it } from 'vitest';
import { CURRENT_CONSENT_VERSION } from './consent';
import { parseSignup, SIGNUP_MESSAGES, tokenSchema } from './validation';

const form = (over: Record<string, unknown>) => ({ email: 'taro@example.jp', consent: CURRENT_CONSENT_VERSION, placement: 'sidebar', ...over });

describe('parseSignup', () => {
  it('normalises the address it accepts', () => {
    const parsed = parseSignup(form({ email: ' ＴＡＲＯ＠Example.JP ' }));
    expect(parsed).toEqual({ ok: true, value: { email: 'TARO@example.jp', consent: CURRENT_CONSENT_VERSION, placement: 'sidebar', website: '' } });
  });

  it('says in Japanese what is wrong with the address', () => {
    expect(parseSignup(form({ email: '' }))).toEqual({ ok: false, failure: { field: 'email', message: SIGNUP_MESSAGES.emailMissing } });
    expect(parseSignup(form({ email: undefined }))).toMatchObject({ failure: { field: 'email', message: SIGNUP_MESSAGES.emailMissing } });
    expect(parseSignup(form({ email: 'taro@example' }))).toMatchObject({ failure: { message: SIGNUP_MESSAGES.emailInvalid } });
    expect(parseSignup(form({ email: `${'a'.repeat(60)}@${'b'.repeat(200)}.jp` }))).toMatchObject({ failure: { message: SIGNUP_MESSAGES.emailTooLong } });
    expect(parseSignup(form({ email: 'x'.repeat(10_000) }))).toMatchObject({ failure: { message: SIGNUP_MESSAGES.emailTooLong } });
    expect(parseSignup(form({ email: ['taro@example.jp'] }))).toMatchObject({ failure: { field: 'email' } });
  });

  it('refuses a form whose consent wording we never showed', () => {
    expect(parseSignup(form({ consent: '1999-01' }))).toMatchObject({ failure: { field: 'consent', message: SIGNUP_MESSAGES.formOutdated } });
    expect(parseSignup(form({ consent: 'toString' }))).toMatchObject({ ok: false });
    expect(parseSignup(form({ placement: 'popup' }))).toMatchObject({ failure: { field: 'placement' } });
  });

  it('keeps the honeypot value so the caller can drop the request', () => {
    expect(parseSignup(form({ website: 'http://spam.example' }))).toMatchObject({ ok: true, value: { website: 'http://spam.example' } });
  });
});

describe('tokenSchema', () => {
  it('accepts URL-safe tokens and refuses anything else', () => {
    expect(tokenSchema.safeParse('abcDEF0123456789_-xyz').success).toBe(true);
    for (const bad of ['', 'short', 'a'.repeat(201), 'abc def ghi jkl mno', "abcdefghijklmnop'--", undefined]) {
      expect(tokenSchema.safeParse(bad).success).toBe(false);
    }
  });
});
