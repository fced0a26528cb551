import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const { acceptsGzip, sendHeldBytes, pageMemoryBytes, packValue, packedSize, unpackValue, GZIP, GZIP_MIN_BYTES } = require('./page-memory.cjs') as typeof import('./page-memory.cjs');

// A page of the size and kind the site serves: mostly markup, some Japanese.
const PAGE = Buffer.from(`<!DOCTYPE html><html lang="ja"><body>${'<p>政府は関税の見直しを発表した。</p>'.repeat(400)}</body></html>`);
let body: unknown = PAGE;
let server: http.Server;
let origin: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    res.setHeader('x-nextjs-cache', 'HIT');
    if (!sendHeldBytes(req, res, { response: body, contentType: 'text/html; charset=utf-8' })) {
      res.statusCode = 599;
      res.end('not bytes');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A raw request (fetch would decompress and hide what was sent). */
function request(method: string, acceptEncoding?: string) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; bytes: Buffer }>((resolve, reject) => {
    const req = http.request(`${origin}/`, { method, headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('a page held as bytes, as a reader receives it', () => {
  it('is gzipped for a browser, whole and with its length', async () => {
    const answer = await request('GET', 'gzip, deflate, br, zstd');
    expect(answer.headers['content-encoding']).toBe('gzip');
    expect(Number(answer.headers['content-length'])).toBe(answer.bytes.length);
    expect(answer.bytes.length).toBeLessThan(PAGE.length / 5);
    expect(zlib.gunzipSync(answer.bytes).equals(PAGE)).toBe(true);
    expect(answer.headers['x-nextjs-cache']).toBe('HIT');
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
  });

  it('is sent as it is to a client that does not accept gzip', async () => {
    for (const header of [undefined, 'identity', 'gzip;q=0, deflate', 'br']) {
      const answer = await request('GET', header);
      expect(answer.headers['content-encoding'], String(header)).toBeUndefined();
      expect(answer.bytes.equals(PAGE)).toBe(true);
      expect(Number(answer.headers['content-length'])).toBe(PAGE.length);
    }
  });

  it('answers HEAD with the headers of the GET and no body', async () => {
    const answer = await request('HEAD', 'gzip');
    expect(answer.headers['content-encoding']).toBe('gzip');
    expect(Number(answer.headers['content-length'])).toBe(zlib.gzipSync(PAGE).length);
    expect(answer.bytes.length).toBe(0);
  });

  it('leaves a small body uncompressed, and a body that is not bytes to Next.js', async () => {
    body = Buffer.from('0:{}');
    expect(Buffer.byteLength('0:{}')).toBeLessThan(GZIP_MIN_BYTES);
    const small = await request('GET', 'gzip');
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.bytes.toString()).toBe('0:{}');
    body = '<html>a string</html>';
    expect((await request('GET', 'gzip')).status).toBe(599);
    body = PAGE;
  });
});

describe('a packed page (held as its gzip form)', () => {
  it('is sent as it is held to a reader who accepts gzip, and inflated for one who does not', async () => {
    const value = packValue({ kind: 'APP_PAGE', html: PAGE, rscData: undefined, segmentData: undefined, headers: {} });
    body = value.html;
    try {
      const gzipped = await request('GET', 'gzip, deflate, br');
      expect(gzipped.headers['content-encoding']).toBe('gzip');
      expect(gzipped.bytes.equals(value.html), 'the held bytes themselves').toBe(true);
      expect(Number(gzipped.headers['content-length'])).toBe(value.html.length);
      for (const header of [undefined, 'identity', 'gzip;q=0']) {
        const plain = await request('GET', header);
        expect(plain.headers['content-encoding'], String(header)).toBeUndefined();
        expect(plain.bytes.equals(PAGE)).toBe(true);
        expect(Number(plain.headers['content-length'])).toBe(PAGE.length);
      }
      const head = await request('HEAD', undefined);
      expect(Number(head.headers['content-length'])).toBe(PAGE.length);
      expect(head.bytes.length).toBe(0);
    } finally {
      body = PAGE;
    }
  });

  it('shares one gzip between a render\'s own response and its packing, in either order', async () => {
    const rendered = Buffer.from(PAGE); // the bytes a render made, sent to its own reader first
    body = rendered;
    try {
      const sent = await request('GET', 'gzip');
      const value = packValue({ kind: 'APP_PAGE', html: rendered, rscData: undefined, segmentData: undefined, headers: {} });
      expect(value.html.equals(sent.bytes), 'packed to the bytes already sent').toBe(true);
      expect((rendered as unknown as Record<symbol, unknown>)[GZIP], 'the very Buffer, not a second gzip').toBe(value.html);
    } finally {
      body = PAGE;
    }
    const packedFirst = Buffer.from(PAGE);
    const value = packValue({ kind: 'APP_PAGE', html: packedFirst, rscData: undefined, segmentData: undefined, headers: {} });
    expect((packedFirst as unknown as Record<symbol, unknown>)[GZIP]).toBe(value.html);
  });

  it('unpacks to the same value, bodies and segments', async () => {
    const rscData = Buffer.from(`0:${JSON.stringify({ text: '紀伊半島に上陸'.repeat(300) })}`);
    const value = { kind: 'APP_PAGE', html: PAGE, rscData, headers: { a: 'b' }, status: 200, segmentData: new Map([['/_full', Buffer.from(rscData)], ['/_tree', Buffer.from('t')]]) };
    const packed = packValue(value);
    expect(packedSize(packed)).toBeLessThan((PAGE.length + 2 * rscData.length) / 5);
    const unpacked = unpackValue(packed);
    expect(unpacked.html.equals(PAGE) && unpacked.rscData.equals(rscData)).toBe(true);
    expect(unpacked.segmentData.get('/_full')?.equals(rscData)).toBe(true);
    expect(unpacked.segmentData.get('/_tree')?.toString()).toBe('t');
    expect(unpackValue(value), 'a value never packed is returned as it is').toBe(value);
  });
});

describe('acceptsGzip', () => {
  it.each([
    ['gzip', true],
    ['GZIP, deflate', true],
    ['deflate, gzip;q=0.5', true],
    ['*', true],
    ['br, *;q=0.1', true],
    ['gzip;q=0', false],
    ['gzip;q=0.0, *', false],
    ['*;q=0', false],
    ['identity', false],
    ['', false],
  ])('%j → %s', (header, accepted) => {
    expect(acceptsGzip(header)).toBe(accepted);
  });
});

describe('KIJI_PAGE_MEMORY_MB', () => {
  it('defaults to 256 MB, holds nothing at 0, and refuses what is not a size', () => {
    expect(pageMemoryBytes({})).toBe(256 * 1024 * 1024);
    expect(pageMemoryBytes({ KIJI_PAGE_MEMORY_MB: '0' })).toBe(0);
    expect(pageMemoryBytes({ KIJI_PAGE_MEMORY_MB: '1.5' })).toBe(1.5 * 1024 * 1024);
    expect(() => pageMemoryBytes({ KIJI_PAGE_MEMORY_MB: 'lots' })).toThrow(/KIJI_PAGE_MEMORY_MB/);
    expect(() => pageMemoryBytes({ KIJI_PAGE_MEMORY_MB: '-1' })).toThrow(/KIJI_PAGE_MEMORY_MB/);
  });
});
