import { describe, expect, it } from 'vitest';
import { checkBeaconHeaders, MAX_BEACON_BYTES, parseBeaconBody, readBeacon, readVisitorSubject } from './beacon';
import { countedBody, streamedPost } from '../../test/support/bodies';

/** A beacon request whose body arrives as `chunks`, counting the bytes pulled. */
function beacon(chunks: string[], headers: Record<string, string> = {}) {
  const { stream, seen } = countedBody(chunks);
  return { request: streamedPost('https://kiji.example/api/views', stream, { 'content-type': 'text/plain', ...headers }), seen };
}

describe('beacon headers', () => {
  it('accepts what sendBeacon and fetch send', () => {
    expect(checkBeaconHeaders(new Headers({ 'content-type': 'text/plain;charset=UTF-8', 'content-length': '20' }))).toBeNull();
    expect(checkBeaconHeaders(new Headers({ 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' }))).toBeNull();
  });

  it('refuses other types and other sites', () => {
    expect(checkBeaconHeaders(new Headers({ 'content-type': 'multipart/form-data; boundary=x' }))?.status).toBe(415);
    expect(checkBeaconHeaders(new Headers({}))?.status).toBe(415);
    expect(checkBeaconHeaders(new Headers({ 'content-type': 'text/plain', 'sec-fetch-site': 'cross-site' }))?.status).toBe(403);
  });
});

describe('beacon body', () => {
  it('reads an article id', () => {
    expect(parseBeaconBody('{"id":"abcd2345"}')).toEqual({ ok: true, articleId: 'abcd2345' });
  });

  it('answers malformed input with 400 and a Japanese message', () => {
    for (const body of ['', '{', 'null', '[]', '"abcd2345"', '{"id":12345678}', '{"id":"ABCD2345"}', '{"id":"abcd1234"}', '{"article":"abcd2345"}']) {
      const result = parseBeaconBody(body);
      expect(result.ok, body).toBe(false);
      if (!result.ok) {
        expect(result.status).toBe(400);
        expect(result.message).toMatch(/[ぁ-んァ-ヶ一-龯]/);
      }
    }
  });

  it('reads a beacon from its request, in chunks as it arrives', async () => {
    expect(await readBeacon(beacon(['{"id":', '"abcd2345"}']).request)).toEqual({ ok: true, articleId: 'abcd2345' });
  });

  it('answers an oversized body with 413 before reading it, or as soon as it passes the limit', async () => {
    const declared = beacon(['{"id":"abcd2345"}'], { 'content-length': String(MAX_BEACON_BYTES + 1) });
    expect(await readBeacon(declared.request)).toMatchObject({ ok: false, status: 413, message: expect.stringMatching(/大きすぎ/) });
    expect(declared.seen.pulled).toBe(0);
    expect(await readBeacon(beacon(['{}'], { 'content-length': 'lots' }).request)).toMatchObject({ ok: false, status: 413 });
    // Chunked, no length: the second 300-byte chunk passes 512 and the rest is never pulled.
    const streamed = beacon(['x'.repeat(300), 'y'.repeat(300), 'z'.repeat(300)]);
    expect(await readBeacon(streamed.request)).toMatchObject({ ok: false, status: 413 });
    expect(streamed.seen.pulled).toBe(600);
  });
});

describe('visitor subject', () => {
  it('takes the entry the outermost trusted proxy wrote, not one the reader prepended', () => {
    // No proxy: Next.js (patched) appends the socket's peer, so the last entry is the reader, whatever they wrote.
    expect(readVisitorSubject(new Headers({ 'x-forwarded-for': '203.0.113.7, 10.0.0.2' }), 0)).toBe('10.0.0.2');
    // Two proxies in front: the outer appended the address it saw, the inner its peer, Next.js the inner proxy.
    expect(readVisitorSubject(new Headers({ 'x-forwarded-for': '192.0.2.99, 203.0.113.7, 10.0.0.2, 10.0.0.3' }), 2)).toBe('203.0.113.7');
    expect(readVisitorSubject(new Headers({ 'x-real-ip': '198.51.100.4' }), 0)).toBe('');
    // Every address of one IPv6 /64 is one visitor.
    expect(readVisitorSubject(new Headers({ 'x-forwarded-for': '2001:db8:1:2::aa' }), 0)).toBe('2001:db8:1:2::/64');
    expect(readVisitorSubject(new Headers({ 'x-forwarded-for': '2001:db8:1:2:ffff:1:2:3' }), 0)).toBe('2001:db8:1:2::/64');
    expect(readVisitorSubject(new Headers(), 1)).toBe('');
  });
});
