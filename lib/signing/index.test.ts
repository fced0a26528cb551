import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isSameSecret, keyedHash, sign, verifySignature } from '.';

// Independent of the module: how each caller's signatures were made before it
// was shared, so a change to the framing shows up here as broken tokens.
const hmac = (secret: string, framed: string) => createHmac('sha256', secret).update(framed).digest('base64url');

describe('sign', () => {
  it('keeps every caller\'s wire format: purpose, newline, message', () => {
    const cases: [string, string][] = [
      ['csrf', 'session-id'],
      ['sign-in', '1764900000000'],
      ['preview-link', 'abc.article1.1764900000000'],
      ['sign-in-device', 'editor\nDEVICEID12345678'],
      ['unsubscribe', 'sub123'],
    ];
    for (const [purpose, message] of cases) {
      const made = hmac('secret-1', `${purpose}\n${message}`);
      expect(sign('secret-1', purpose, message)).toBe(made);
      expect(verifySignature('secret-1', purpose, message, made)).toBe(true);
    }
    expect(keyedHash('k', 'ip', '192.0.2.1')).toBe(hmac('k', 'ip\n192.0.2.1').slice(0, 32));
  });

  it('checks the newsletter\'s old `purpose:message` signatures only when asked', () => {
    const old = hmac('secret-1', 'unsubscribe:sub123');
    expect(verifySignature('secret-1', 'unsubscribe', 'sub123', old, 'colon')).toBe(true);
    expect(verifySignature('secret-1', 'unsubscribe', 'sub123', old)).toBe(false);
  });

  it('refuses another purpose, secret or message', () => {
    const made = sign('secret-1', 'csrf', 'a');
    expect(verifySignature('secret-1', 'sign-in', 'a', made)).toBe(false);
    expect(verifySignature('secret-2', 'csrf', 'a', made)).toBe(false);
    expect(verifySignature('secret-1', 'csrf', 'b', made)).toBe(false);
    expect(verifySignature('secret-1', 'csrf', 'a', `${made}x`)).toBe(false);
  });
});

describe('isSameSecret', () => {
  it('matches only the same secret, whatever the lengths', () => {
    expect(isSameSecret('s'.repeat(32), 's'.repeat(32))).toBe(true);
    expect(isSameSecret('s'.repeat(31), 's'.repeat(32))).toBe(false);
    expect(isSameSecret('', 's')).toBe(false);
  });
});
