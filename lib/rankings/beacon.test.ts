import { describe, expect, it } from 'vitest';
import { checkBeaconHeaders, MAX_BEACON_BYTES, parseBeaconBody, readLimitedText, readVisitorAddress } from './beacon';

const stream = (...chunks: string[]) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const c of chunks) controller.enqueue(new TextEncoder().encode(c));
      controller.close();
    },
  });

describe('beacon headers', () => {
  it('accepts what sendBeacon and fetch send', () => {
    expect(checkBeaconHeaders(new Headers({ 'content-type': 'text/plain;charset=UTF-8', 'content-length': '20' }))).toBeNull();
    expect(checkBeaconHeaders(new Headers({ 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' }))).toBeNull();
  });

  it('refuses other types, oversized bodies and other sites', () => {
    expect(checkBeaconHeaders(new Headers({ 'content-type': 'multipart/form-data; boundary=x' }))?.status).toBe(415);
    expect(checkBeaconHeaders(new Headers({}))?.status).toBe(415);
    expect(checkBeaconHeaders(new Headers({ 'content-type': 'text/plain', 'content-length': String(MAX_BEACON_BYTES + 1) }))?.status).toBe(413);
    expect(checkBeaconHeaders(new Headers({ 'content-type': 'text/plain', 'content-length': 'lots' }))?.status).toBe(413);
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

  it('answers an oversized body with 413', () => {
    expect(parseBeaconBody(JSON.stringify({ id: 'abcd2345', pad: 'x'.repeat(MAX_BEACON_BYTES) }))).toMatchObject({ ok: false, status: 413 });
  });

  it('stops reading a stream once it passes the limit', async () => {
    expect(await readLimitedText(stream('{"id":', '"abcd2345"}'))).toBe('{"id":"abcd2345"}');
    expect(await readLimitedText(stream('x'.repeat(300), 'y'.repeat(300)))).toBeNull();
    expect(await readLimitedText(null)).toBe('');
  });
});

describe('visitor address', () => {
  it('takes the entry the outermost trusted proxy wrote, not one the reader prepended', () => {
    // No proxy: Next.js (patched) appends the socket's peer, so the last entry is the reader, whatever they wrote.
    expect(readVisitorAddress(new Headers({ 'x-forwarded-for': '203.0.113.7, 10.0.0.2' }), 0)).toBe('10.0.0.2');
    // Two proxies in front: the outer appended the address it saw, the inner its peer, Next.js the inner proxy.
    expect(readVisitorAddress(new Headers({ 'x-forwarded-for': '192.0.2.99, 203.0.113.7, 10.0.0.2, 10.0.0.3' }), 2)).toBe('203.0.113.7');
    expect(readVisitorAddress(new Headers({ 'x-real-ip': '198.51.100.4' }), 0)).toBe('');
    expect(readVisitorAddress(new Headers(), 1)).toBe('');
  });
});
