import { describe, expect, it } from 'vitest';
import { checkRequestOrigin, isValidCsrfToken, isValidSignInToken, listAllowedOrigins, toCsrfToken, toSignInToken } from './csrf';
import { isPublicDeployment } from './settings';

const SITE = 'https://kiji.example.jp';
const headers = (h: Record<string, string>) => new Headers(h);

describe('origin check', () => {
  const allowed = [SITE];
  it('accepts a same-origin request', () => {
    expect(checkRequestOrigin(headers({ origin: SITE, 'sec-fetch-site': 'same-origin' }), allowed)).toEqual({ ok: true });
    expect(checkRequestOrigin(headers({ origin: SITE }), allowed)).toEqual({ ok: true });
  });
  it('refuses a request with no Origin (which Next.js Server Actions let through)', () => {
    expect(checkRequestOrigin(headers({}), allowed)).toEqual({ ok: false, reason: 'no-origin' });
    expect(checkRequestOrigin(headers({ origin: 'null' }), allowed)).toEqual({ ok: false, reason: 'no-origin' });
  });
  it('refuses other origins, sibling subdomains and cross-site fetches', () => {
    expect(checkRequestOrigin(headers({ origin: 'https://evil.example' }), allowed).ok).toBe(false);
    expect(checkRequestOrigin(headers({ origin: 'http://kiji.example.jp' }), allowed).ok).toBe(false);
    expect(checkRequestOrigin(headers({ origin: SITE, 'sec-fetch-site': 'same-site' }), allowed)).toEqual({
      ok: false,
      reason: 'cross-site-fetch',
    });
    expect(checkRequestOrigin(headers({ origin: SITE, 'sec-fetch-site': 'cross-site' }), allowed).ok).toBe(false);
  });
  it('allows the configured site and the host the request came to, nothing injected', () => {
    expect(listAllowedOrigins(SITE, headers({ host: '127.0.0.1:3000' }), 0)).toEqual([SITE, 'http://127.0.0.1:3000']);
    expect(listAllowedOrigins(SITE, headers({ host: 'evil.example/<x>' }), 0)).toEqual([SITE]);
  });
  it('believes X-Forwarded-Host only from a trusted proxy', () => {
    const forged = headers({ host: '127.0.0.1:3000', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' });
    expect(listAllowedOrigins(SITE, forged, 0)).toEqual([SITE, 'http://127.0.0.1:3000']);
    expect(listAllowedOrigins(SITE, forged, 1)).toEqual([SITE, 'https://evil.example']);
  });
});

describe('CSRF tokens', () => {
  const secret = 's'.repeat(43);
  it('binds the token to the session', () => {
    const token = toCsrfToken(secret, 'session-a');
    expect(isValidCsrfToken(secret, 'session-a', token)).toBe(true);
    expect(isValidCsrfToken(secret, 'session-b', token)).toBe(false);
    expect(isValidCsrfToken('t'.repeat(43), 'session-a', token)).toBe(false);
    expect(isValidCsrfToken(secret, 'session-a', '')).toBe(false);
    expect(isValidCsrfToken(secret, 'session-a', null)).toBe(false);
  });
  it('signs the sign-in form token and lets it expire', () => {
    const now = new Date('2026-11-20T03:00:00Z');
    const token = toSignInToken(secret, now);
    expect(isValidSignInToken(secret, token, now)).toBe(true);
    expect(isValidSignInToken(secret, token, new Date(now.getTime() + 3 * 3_600_000))).toBe(false);
    expect(isValidSignInToken(secret, token.replace(/^\d/, '9'), now)).toBe(false);
    expect(isValidSignInToken(secret, 'garbage', now)).toBe(false);
  });
});

describe('public deployment', () => {
  it('is https at a real name; the local demo and e2e server are not', () => {
    expect(isPublicDeployment('https://kiji.example.jp')).toBe(true);
    expect(isPublicDeployment('http://kiji.example.jp')).toBe(false);
    expect(isPublicDeployment('https://localhost:3000')).toBe(false);
    expect(isPublicDeployment('http://127.0.0.1:3140')).toBe(false);
  });
});
