import { describe, expect, it } from 'vitest';
import { isAuthorized, parseRevalidateBody } from './revalidate';

describe('parseRevalidateBody', () => {
  it('accepts Kiji tags and article tags, without duplicates', () => {
    expect(parseRevalidateBody({ tags: ['articles', 'article:abcdefgh', 'articles'] })).toEqual({ ok: true, tags: ['articles', 'article:abcdefgh'] });
  });
  it('refuses unknown tags, malformed ids and bodies that are not the shape', () => {
    for (const body of [undefined, null, 'articles', {}, { tags: [] }, { tags: ['posts'] }, { tags: ['article:../x'] }, { tags: Array(51).fill('articles') }]) {
      expect(parseRevalidateBody(body).ok).toBe(false);
    }
  });
});

describe('isAuthorized', () => {
  const secret = 'a-long-enough-secret';
  it('wants exactly the bearer secret', () => {
    expect(isAuthorized(`Bearer ${secret}`, secret)).toBe(true);
    for (const header of [null, '', secret, `Basic ${secret}`, `Bearer ${secret}x`, 'Bearer a-long-enough-secreT']) expect(isAuthorized(header, secret)).toBe(false);
  });
});
