import { describe, expect, it } from 'vitest';
import { countedBody, streamedPost } from '../../test/support/bodies';
import { isAuthorizedRevalidation, isKnownCacheTag, MAX_REVALIDATE_BYTES, parseRevalidateBody, readRevalidateRequest } from './revalidate';

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

  it('read JSON whatever it is labelled, as `curl -d` sends it', async () => {
    const request = new Request('https://kiji.example/api/revalidate', { method: 'POST', body: '{"tags":["breaking"]}', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(await readRevalidateRequest(request)).toEqual({ ok: true, tags: ['breaking'] });
  });

  it('refuse a body over MAX_REVALIDATE_BYTES with 413: unread when declared, cancelled when streamed', async () => {
    const url = 'https://kiji.example/api/revalidate';
    const declared = countedBody({ chunkBytes: 1024 });
    expect(await readRevalidateRequest(streamedPost(url, declared.stream, { 'content-length': String(100 * 1024 * 1024) }))).toMatchObject({ ok: false, status: 413 });
    expect(declared.seen.pulled).toBe(0);
    const streamed = countedBody({ chunkBytes: 1024 });
    expect(await readRevalidateRequest(streamedPost(url, streamed.stream, {}))).toMatchObject({ ok: false, status: 413 });
    expect(streamed.seen).toEqual({ pulled: MAX_REVALIDATE_BYTES + 1024, cancelled: true });
  });
});
