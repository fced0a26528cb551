'use strict';
/**
 * Found pages held in memory as bytes, and the way those bytes leave
 * (docs/adr/0030-pages-held-as-bytes.md).
 *
 * Next.js keeps recent pages in its own memory cache (50 MB by default) with
 * their HTML as a JavaScript string: every hit encodes it to UTF-8 again on
 * the way out, gzips it again for a reader who accepts gzip (every browser),
 * and the heap that holds and collects those strings is why a larger Next.js
 * memory cache made the long tail slower, not faster (docs/benchmarks.md).
 * Here a page's HTML is encoded once, when it is rendered or first read from
 * disk, and held as a Buffer outside the JavaScript heap, in an LRU bounded
 * by bytes (`KIJI_PAGE_MEMORY_MB`); its gzip form is made once, for the first
 * reader who asks for it, and kept beside it.
 *
 * The bytes leave through `sendHeldBytes`, which patches/next+16.4.6.patch
 * calls from Next.js's `sendRenderResult` for any response that is a Buffer
 * (a held page, and every RSC payload, which Next.js already keeps as one):
 * sent whole with its length, gzipped when the reader accepts it. Plain
 * CommonJS for the same reason as cache-handler.cjs.
 */

const zlib = require('node:zlib');
const { BoundedLru } = require('./not-found-memory.cjs');

/** Where the gzip form of a Buffer is kept, on the Buffer itself. */
const GZIP = Symbol.for('kiji.page-memory.gzip');

/** Smaller bodies are sent as they are: gzip's header and a round trip through zlib cost more than they save. */
const GZIP_MIN_BYTES = 1024;

/**
 * The byte budget of held pages: `KIJI_PAGE_MEMORY_MB` (default 256; 0 holds
 * none and leaves every page to Next.js's own cache). An article page held
 * here is about 0.3 MB with its RSC payload and prefetch segments.
 *
 * @param {NodeJS.ProcessEnv} env
 * @returns {number}
 */
function pageMemoryBytes(env = process.env) {
  const raw = env.KIJI_PAGE_MEMORY_MB;
  const mb = raw === undefined || raw.trim() === '' ? 256 : Number(raw);
  if (!Number.isFinite(mb) || mb < 0) throw new Error(`KIJI_PAGE_MEMORY_MB must be a number of megabytes (0 or more), got "${raw}"`);
  return Math.floor(mb * 1024 * 1024);
}

/**
 * Bytes a held entry occupies: its HTML, RSC payload, prefetch segments and
 * headers, plus a quarter of the HTML for the gzip form it may come to carry.
 *
 * @param {any} value an APP_PAGE value whose `html` is a Buffer
 * @returns {number}
 */
function heldSize(value) {
  let size = value.html.length * 1.25 + (value.rscData?.length ?? 0) + JSON.stringify(value.headers ?? {}).length;
  if (value.segmentData) for (const [path, buffer] of value.segmentData) size += path.length + buffer.length;
  return Math.ceil(size);
}

/**
 * The held form of a page entry as a cache handler's `get` returns it: the
 * same entry with its HTML as UTF-8 bytes.
 *
 * @param {{ value: any, lastModified: number, cacheControl?: unknown }} entry
 */
function toHeldEntry(entry) {
  const { html } = entry.value;
  return { ...entry, value: { ...entry.value, html: typeof html === 'string' ? Buffer.from(html, 'utf8') : html } };
}

/**
 * Whether an `Accept-Encoding` header accepts gzip (RFC 9110 §12.5.3): named
 * or through `*`, with a quality above zero.
 *
 * @param {string | string[] | undefined} header
 * @returns {boolean}
 */
function acceptsGzip(header) {
  const text = Array.isArray(header) ? header.join(',') : header;
  if (!text) return false;
  let gzip;
  let any;
  for (const part of text.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const quality = q === undefined ? 1 : Number(q.slice(2));
    const accepted = Number.isFinite(quality) && quality > 0;
    if (name.trim() === 'gzip') gzip = accepted;
    else if (name.trim() === '*') any = accepted;
  }
  return gzip ?? any ?? false;
}

/** @param {Buffer} bytes */
function gzipOf(bytes) {
  /** @type {Buffer | undefined} */
  let gzipped = /** @type {any} */ (bytes)[GZIP];
  if (!gzipped) {
    gzipped = zlib.gzipSync(bytes);
    Object.defineProperty(bytes, GZIP, { value: gzipped });
  }
  return gzipped;
}

/**
 * Sends a response body that is already bytes (Next.js's `sendRenderResult`,
 * through the patch), in place of its default of streaming a Buffer and
 * leaving the compression to its middleware per request. Headers Next.js
 * set stay; `Vary: Accept-Encoding` is added by the compression middleware
 * either way. Never computes an ETag (next.config.ts turns them off).
 *
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {{ response: unknown, contentType?: string | null }} result
 * @returns {boolean} false when the body is not a Buffer (Next.js goes on as before)
 */
function sendHeldBytes(req, res, result) {
  const bytes = result.response;
  if (!Buffer.isBuffer(bytes)) return false;
  if (!res.getHeader('Content-Type') && result.contentType) res.setHeader('Content-Type', result.contentType);
  let body = bytes;
  if (bytes.length >= GZIP_MIN_BYTES && !res.getHeader('Content-Encoding') && acceptsGzip(req.headers['accept-encoding'])) {
    body = gzipOf(bytes);
    res.setHeader('Content-Encoding', 'gzip');
  }
  res.setHeader('Content-Length', body.length);
  res.end(req.method === 'HEAD' ? null : body);
  return true;
}

const SEND_SLOT = Symbol.for('kiji.send-held-bytes');
// The patched sendRenderResult is bundled into Next.js's route chunks and looks the function up here.
globalThis[SEND_SLOT] = sendHeldBytes;

/** One per process, like cache-handler.cjs's not-found LRU. */
const HELD_SLOT = Symbol.for('kiji.page-memory.held');
/** @type {BoundedLru<{ value: any, lastModified: number, cacheControl?: unknown }>} */
const heldPages = (globalThis[HELD_SLOT] ??= new BoundedLru({ entries: Number.MAX_SAFE_INTEGER, bytes: pageMemoryBytes() }));

module.exports = { heldPages, toHeldEntry, heldSize, sendHeldBytes, acceptsGzip, pageMemoryBytes, GZIP, GZIP_MIN_BYTES };
