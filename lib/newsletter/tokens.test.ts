import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createToken, createUnsubscribeToken, hashAddress, hashToken, readClientAddress, readUnsubscribeToken } from './tokens';

describe('tokens', () => {
  it('are long, URL-safe and different every time; only their hash is kept', () => {
    const a = createToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(createToken()).not.toBe(a);
    expect(hashToken(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(a)).not.toContain(a);
  });

  it('sign unsubscribe links so only the secret can make one', () => {
    const token = createUnsubscribeToken('secret-1', 'sub123');
    expect(readUnsubscribeToken('secret-1', token)).toBe('sub123');
    expect(readUnsubscribeToken('secret-2', token)).toBeNull();
    expect(readUnsubscribeToken('secret-1', token.replace('sub123', 'sub124'))).toBeNull();
    expect(readUnsubscribeToken('secret-1', 'sub123')).toBeNull();
    expect(readUnsubscribeToken('secret-1', `${token}x`)).toBeNull();
  });

  it('still read unsubscribe links mailed before the signing module was shared', () => {
    // As lib/newsletter/tokens.ts signed them until 2026-12-04: HMAC of `unsubscribe:<id>`.
    const mailed = `sub123.${createHmac('sha256', 'secret-1').update('unsubscribe:sub123').digest('base64url')}`;
    expect(readUnsubscribeToken('secret-1', mailed)).toBe('sub123');
    expect(readUnsubscribeToken('secret-2', mailed)).toBeNull();
    expect(createUnsubscribeToken('secret-1', 'sub123')).not.toBe(mailed);
  });

  it('hash addresses with the key, so the same address matches and the bare hash does not reveal it', () => {
    expect(hashAddress('k', '192.0.2.1')).toBe(hashAddress('k', '192.0.2.1'));
    expect(hashAddress('k', '192.0.2.1')).not.toBe(hashAddress('other', '192.0.2.1'));
  });
});

describe('readClientAddress', () => {
  it('takes the address the nearest trusted proxy saw, not what the client wrote', () => {
    // The proxy appended what it saw (203.0.113.9), Next.js appended the proxy (10.0.0.2).
    expect(readClientAddress('6.6.6.6, 203.0.113.9, 10.0.0.2', 1)).toBe('203.0.113.9');
    expect(readClientAddress('6.6.6.6, 203.0.113.9, 10.0.0.2, 10.0.0.3', 2)).toBe('203.0.113.9');
    expect(readClientAddress('::ffff:127.0.0.1', 1)).toBe('127.0.0.1');
    expect(readClientAddress(null, 1)).toBe('unknown');
  });
});
