import { describe, expect, it } from 'vitest';
import { isAuthorizedRevalidation, isKnownCacheTag, parseRevalidateBody } from './revalidate';

const SECRET = 'a-long-enough-secret-for-tests';

describe('revalidation requests', () => {
  it('accept only the bearer secret', () => {
    expect(isAuthorizedRevalidation(`Bearer ${SECRET}`, SECRET)).toBe(true);
    for (const header of [null, '', SECRET, `Bearer ${SECRET}x`, `Bearer ${SECRET.slice(1)}`, `Basic ${SECRET}`, 'Bearer ']) {
      expect(isAuthorizedRevalidation(header, SECRET), String(header)).toBe(false);
    }
  });

  it('name only tags Kiji caches under', () => {
    for (const tag of ['breaking', 'articles', 'rankings', 'taxonomy', 'article:abcd2345']) expect(isKnownCacheTag(tag), tag).toBe(true);
    for (const tag of ['', 'everything', 'article:', 'article:../../x', 'Breaking']) expect(isKnownCacheTag(tag), tag).toBe(false);
  });

  it('parse a list of tags and refuse anything else', () => {
    expect(parseRevalidateBody('{"tags":["breaking","breaking","article:abcd2345"]}')).toEqual({ ok: true, tags: ['breaking', 'article:abcd2345'] });
    for (const body of ['', 'nope', '{}', '{"tags":[]}', '{"tags":"breaking"}', '{"tags":[1]}', '{"tags":["nope"]}', JSON.stringify({ tags: Array(21).fill('breaking') })]) {
      expect(parseRevalidateBody(body).ok, body).toBe(false);
    }
  });
});
