import { describe, expect, it } from 'vitest';
import { readBody, readBodyText } from './body';
import { countedBody, streamedPost } from '../../test/support/bodies';

const endlessBody = (chunkBytes: number) => countedBody({ chunkBytes });

function post(body: BodyInit | ReadableStream<Uint8Array> | null, headers: Record<string, string>) {
  return body instanceof ReadableStream ? streamedPost('https://kiji.example/api/anything', body, headers) : new Request('https://kiji.example/api/anything', { method: 'POST', body, headers });
}

describe('readBody', () => {
  it('refuses a declared Content-Length over the limit without reading a byte', async () => {
    const { stream, seen } = endlessBody(1024);
    const result = await readBody(post(stream, { 'content-type': 'application/json', 'content-length': String(100 * 1024 * 1024) }), { limit: 4096, accept: ['json'] });
    expect(result).toEqual({ ok: false, status: 413 });
    expect(seen.pulled).toBe(0);
  });

  it('refuses a garbled Content-Length like a large one', async () => {
    const result = await readBody(post('{}', { 'content-type': 'application/json', 'content-length': 'lots' }), { limit: 4096, accept: ['json'] });
    expect(result).toEqual({ ok: false, status: 413 });
  });

  it('stops a chunked body with no Content-Length one chunk past the limit, and cancels it', async () => {
    const { stream, seen } = endlessBody(256);
    const result = await readBody(post(stream, { 'content-type': 'application/json' }), { limit: 1000, accept: ['json'] });
    expect(result).toEqual({ ok: false, status: 413 });
    // 256, 512, 768 are under 1000; the fourth chunk passes it and nothing more is pulled.
    expect(seen.pulled).toBe(1024);
    expect(seen.cancelled).toBe(true);
  });

  it('counts what arrives, not what Content-Length claims', async () => {
    const { stream, seen } = endlessBody(512);
    const result = await readBody(post(stream, { 'content-type': 'application/x-www-form-urlencoded', 'content-length': '10' }), { limit: 1024, accept: ['form'] });
    expect(result).toEqual({ ok: false, status: 413 });
    expect(seen.pulled).toBe(1536);
  });

  it('refuses a type the route does not take with 415, before reading', async () => {
    const cases: [Record<string, string>, ('json' | 'form')[]][] = [
      [{ 'content-type': 'text/plain' }, ['json', 'form']],
      [{}, ['json']],
      [{ 'content-type': 'application/json' }, ['form']],
      [{ 'content-type': 'multipart/form-data; boundary=x' }, ['json']],
      [{ 'content-type': 'application/jsonp' }, ['json']],
    ];
    for (const [headers, accept] of cases) {
      const { stream, seen } = endlessBody(64);
      expect(await readBody(post(stream, headers), { limit: 4096, accept }), JSON.stringify(headers)).toEqual({ ok: false, status: 415 });
      expect(seen.pulled).toBe(0);
    }
  });

  it('answers malformed JSON and a malformed multipart body with 400', async () => {
    expect(await readBody(post('{"login":', { 'content-type': 'application/json' }), { limit: 4096, accept: ['json'] })).toEqual({ ok: false, status: 400 });
    expect(await readBody(post('', { 'content-type': 'application/json' }), { limit: 4096, accept: ['json'] })).toEqual({ ok: false, status: 400 });
    expect(await readBody(post('not multipart', { 'content-type': 'multipart/form-data; boundary=x' }), { limit: 4096, accept: ['form'] })).toEqual({ ok: false, status: 400 });
  });

  it('parses JSON under the limit, whatever the case of its media type', async () => {
    const result = await readBody(post('{"login":"demo","名前":"記事"}', { 'content-type': 'Application/JSON; charset=utf-8' }), { limit: 4096, accept: ['json', 'form'] });
    expect(result).toEqual({ ok: true, format: 'json', json: { login: 'demo', 名前: '記事' } });
  });

  it('takes a body of exactly the limit', async () => {
    const body = JSON.stringify({ pad: 'x'.repeat(100) });
    const result = await readBody(post(body, { 'content-type': 'application/json', 'content-length': String(body.length) }), { limit: body.length, accept: ['json'] });
    expect(result.ok).toBe(true);
  });

  it('parses a URL-encoded form and a multipart form with a file', async () => {
    const encoded = await readBody(post('csrf=abc&id=abcd2345&id=other', { 'content-type': 'application/x-www-form-urlencoded' }), { limit: 4096, accept: ['form'] });
    expect(encoded.ok && encoded.form.get('id')).toBe('abcd2345');

    const form = new FormData();
    form.set('file', new File([new Uint8Array([1, 2, 3])], 'a.png', { type: 'image/png' }));
    const request = new Request('https://kiji.example/api/anything', { method: 'POST', body: form });
    const multipart = await readBody(request, { limit: 4096, accept: ['form'] });
    const file = multipart.ok ? multipart.form.get('file') : null;
    expect(file).toBeInstanceOf(File);
    expect(new Uint8Array(await (file as File).arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
  });

  it('reads an empty body as empty', async () => {
    const result = await readBody(post(null, { 'content-type': 'application/x-www-form-urlencoded' }), { limit: 4096, accept: ['form'] });
    expect(result.ok && [...result.form.keys()]).toEqual([]);
  });
});

describe('readBodyText', () => {
  it('reads any type as text under the limit', async () => {
    expect(await readBodyText(post('{"tags":["breaking"]}', { 'content-type': 'application/x-www-form-urlencoded' }), 4096)).toEqual({ ok: true, text: '{"tags":["breaking"]}' });
    expect(await readBodyText(post(null, {}), 4096)).toEqual({ ok: true, text: '' });
  });

  it('refuses over the limit, declared or streamed', async () => {
    const declared = endlessBody(1024);
    expect(await readBodyText(post(declared.stream, { 'content-length': '5000' }), 4096)).toEqual({ ok: false, status: 413 });
    expect(declared.seen.pulled).toBe(0);
    const streamed = endlessBody(300);
    expect(await readBodyText(post(streamed.stream, {}), 512)).toEqual({ ok: false, status: 413 });
    expect([streamed.seen.pulled, streamed.seen.cancelled]).toEqual([600, true]);
  });
});
