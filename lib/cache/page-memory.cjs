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
 * by bytes (`KIJI_PAGE_MEMORY_MB`).
 *
 * Held only that way, an article (HTML 176 KB, RSC payload 86 KB and the same 86
 * KB again as its `_full` prefetch segment) took about 400 KB: 256 MB held
 * some 650 articles, and a site of 10,000 read the rest from disk. So a
 * page is held *packed*: each body kept only in its gzip form (31 + 16 KB),
 * a body repeated among the segments kept once.
 * Every browser and crawler accepts gzip and gets those bytes as they are;
 * a client that does not gets them inflated (about a tenth of a
 * millisecond for an article).
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

/** Marks a Buffer that is the gzip form of a body (a packed page's), not the body itself. */
const PACKED = Symbol.for('kiji.page-memory.packed');

/** Smaller bodies are sent as they are: gzip's header and a round trip through zlib cost more than they save. */
const GZIP_MIN_BYTES = 1024;

/**
 * The byte budget of held pages: `KIJI_PAGE_MEMORY_MB` (default 256; 0 holds
 * none and leaves every page to Next.js's own cache). A packed article page
 * is about 50 KB with its RSC payload and prefetch segments: 256 MB hold
 * some 5,000.
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
 * Bytes a packed entry occupies: its bodies' gzip forms (a body shared by
 * several parts counted once) and headers.
 *
 * @param {any} value an APP_PAGE value as `packValue` returns it
 * @returns {number}
 */
function packedSize(value) {
  const bodies = new Set([value.html, value.rscData, ...(value.segmentData?.values() ?? [])].filter(Buffer.isBuffer));
  let size = JSON.stringify(value.headers ?? {}).length;
  for (const body of bodies) size += body.length;
  if (value.segmentData) for (const path of value.segmentData.keys()) size += path.length;
  return size;
}

/** @param {Buffer} gzipped @returns {Buffer} */
function markPacked(gzipped) {
  Object.defineProperty(gzipped, PACKED, { value: true });
  return gzipped;
}

/**
 * The packed form of a held page's value: HTML, RSC payload and prefetch
 * segments each as its gzip form, a segment equal to the RSC payload
 * (Next.js writes the whole payload again as `_full`) sharing its bytes;
 * bodies under GZIP_MIN_BYTES stay as they are. Compressed on the main
 * thread, once per page (about 3.5 ms for an article, against 50–60 ms for
 * its render): done on libuv's thread pool it fell behind a crawl, since
 * each step waited for a turn of an event loop busy rendering, and the
 * pages waiting to be packed held hundreds of MB (docs/adr/0030).
 *
 * @param {any} value an APP_PAGE value whose bodies are Buffers
 * @returns {any}
 */
function packValue(value) {
  /** @type {Map<Buffer, Buffer>} */
  const packed = new Map();
  /** @param {Buffer | undefined} body */
  const pack = (body) => {
    if (!Buffer.isBuffer(body) || body.length < GZIP_MIN_BYTES) return body;
    for (const [seen, gzipped] of packed) if (seen.length === body.length && seen.equals(body)) return gzipped;
    // The response to the render's own request may have gzipped these very bytes already, or will: once for both.
    const gzipped = markPacked(gzipOf(body));
    packed.set(body, gzipped);
    return gzipped;
  };
  const segmentData = value.segmentData && new Map([...value.segmentData].map(([path, body]) => [path, pack(body)]));
  return { ...value, html: pack(value.html), rscData: pack(value.rscData), segmentData };
}

/**
 * The gzip form of `bytes`, made once and kept on the Buffer: a page's
 * first response and its packing share it.
 *
 * @param {Buffer} bytes
 */
function gzipOf(bytes) {
  /** @type {Buffer | undefined} */
  let gzipped = /** @type {any} */ (bytes)[GZIP];
  if (!gzipped) {
    gzipped = zlib.gzipSync(bytes);
    Object.defineProperty(bytes, GZIP, { value: gzipped });
  }
  return gzipped;
}

/** @param {unknown} body */
const unpack = (body) => (Buffer.isBuffer(body) && /** @type {any} */ (body)[PACKED] ? zlib.gunzipSync(body) : body);

/**
 * A value with its bodies as they were before packing: what the disk must
 * hold when Next.js stores a held entry again (it does, to keep serving the
 * previous page when a re-render fails).
 *
 * @param {any} value
 */
function unpackValue(value) {
  if (value?.kind !== 'APP_PAGE') return value;
  const packed = [value.html, value.rscData, ...(value.segmentData?.values() ?? [])].some((body) => Buffer.isBuffer(body) && /** @type {any} */ (body)[PACKED]);
  if (!packed) return value;
  const segmentData = value.segmentData && new Map([...value.segmentData].map(([path, body]) => [path, unpack(body)]));
  return { ...value, html: unpack(value.html), rscData: unpack(value.rscData), segmentData };
}

/** The first bytes of a packed page's file; a file without them (or of another version) is not read. */
const FILE_MAGIC = Buffer.from('KIJIPAGE1\n');

/**
 * A held (packed) entry as one file: a magic line, a four-byte length, a
 * JSON header (the entry's dates, lifetime, status, headers, and where each
 * body lies) and the bodies after it, each once. What a page costs on its
 * next read from disk is one read of about 50 KB, where Next.js's own files
 * are seven reads of some 400 KB, a decoding of the HTML to a string, an
 * encoding back and three gzips (docs/adr/0038-packed-pages-on-disk.md).
 *
 * @param {string} key the cache key, kept in the header so a file read for another key is refused
 * @param {{ value: any, lastModified: number, cacheControl?: unknown }} entry a held entry (packValue's bodies)
 * @returns {Buffer}
 */
function packedFile(key, entry) {
  const { value } = entry;
  /** @type {Buffer[]} */
  const bodies = [];
  /** @param {Buffer | undefined} body */
  const place = (body) => {
    if (!Buffer.isBuffer(body)) return null;
    let index = bodies.indexOf(body);
    if (index === -1) index = bodies.push(body) - 1;
    return index;
  };
  const html = place(value.html);
  const rscData = place(value.rscData);
  const segments = value.segmentData ? [...value.segmentData].map(([path, body]) => [path, place(body)]) : null;
  const header = Buffer.from(
    JSON.stringify({
      key,
      lastModified: entry.lastModified,
      cacheControl: entry.cacheControl,
      status: value.status,
      headers: value.headers,
      postponed: value.postponed,
      html,
      rscData,
      segments,
      bodies: bodies.map((body) => ({ bytes: body.length, packed: Boolean(/** @type {any} */ (body)[PACKED]) })),
    }),
  );
  const length = Buffer.alloc(4);
  length.writeUInt32BE(header.length);
  return Buffer.concat([FILE_MAGIC, length, header, ...bodies]);
}

/**
 * The held entry a packed page's file holds, or undefined when the bytes are
 * not such a file for `key` (another version, cut short, another key).
 *
 * @param {string} key
 * @param {Buffer} file
 * @returns {{ value: any, lastModified: number, cacheControl?: unknown } | undefined}
 */
function fromPackedFile(key, file) {
  if (file.length < FILE_MAGIC.length + 4 || !file.subarray(0, FILE_MAGIC.length).equals(FILE_MAGIC)) return undefined;
  const headerStart = FILE_MAGIC.length + 4;
  const headerEnd = headerStart + file.readUInt32BE(FILE_MAGIC.length);
  if (headerEnd > file.length) return undefined;
  let header;
  try {
    header = JSON.parse(file.toString('utf8', headerStart, headerEnd));
  } catch {
    return undefined;
  }
  if (header.key !== key || !Array.isArray(header.bodies)) return undefined;
  /** @type {Buffer[]} */
  const bodies = [];
  let at = headerEnd;
  for (const { bytes, packed } of header.bodies) {
    if (at + bytes > file.length) return undefined;
    const body = file.subarray(at, at + bytes);
    bodies.push(packed ? markPacked(body) : body);
    at += bytes;
  }
  if (at !== file.length || typeof header.html !== 'number') return undefined;
  /** @param {number | null} index */
  const body = (index) => (index === null ? undefined : bodies[index]);
  return {
    lastModified: header.lastModified,
    cacheControl: header.cacheControl,
    value: {
      kind: 'APP_PAGE',
      html: bodies[header.html],
      rscData: body(header.rscData),
      postponed: header.postponed,
      headers: header.headers,
      status: header.status,
      segmentData: header.segments ? new Map(header.segments.map(([/** @type {string} */ path, /** @type {number | null} */ index]) => [path, body(index)])) : undefined,
    },
  };
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
  const gzip = !res.getHeader('Content-Encoding') && acceptsGzip(req.headers['accept-encoding']);
  if (/** @type {any} */ (bytes)[PACKED]) {
    if (gzip) res.setHeader('Content-Encoding', 'gzip');
    else body = zlib.gunzipSync(bytes);
  } else if (gzip && bytes.length >= GZIP_MIN_BYTES) {
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

module.exports = { heldPages, toHeldEntry, packValue, packedSize, unpackValue, packedFile, fromPackedFile, sendHeldBytes, acceptsGzip, pageMemoryBytes, GZIP, PACKED, GZIP_MIN_BYTES };
