/**
 * The one size-limited request body reader: every route handler
 * that reads a body reads it here, with its own limit in bytes. A body over
 * the limit is refused before it is held: a Content-Length over the limit is
 * refused without reading a byte, and a body without one (chunked) is counted
 * as it streams and cancelled at the first chunk that passes the limit, so at
 * most `limit` plus one chunk is ever in memory. `request.json()`,
 * `.text()` and `.formData()` read whatever is sent: one 200 MB POST took the
 * server from 427 MB to 3.7 GB.
 *
 * Refusals are statuses, not responses: each caller answers them in its own
 * format (the newsroom's JSON errors, the newsletter's pages).
 */

/** How a body may be sent: JSON, or a form (URL-encoded or multipart). */
export type BodyFormat = 'json' | 'form';

/** 413: over the limit; 415: a type the route does not take; 400: not readable as its type. */
export type BodyRefusal = { ok: false; status: 400 | 413 | 415 };

export type ReadBody = { ok: true; format: 'json'; json: unknown } | { ok: true; format: 'form'; form: FormData };

export type ReadBodyOptions<F extends BodyFormat> = {
  /** The most bytes the route reads; sized to what its own validation could accept. */
  limit: number;
  accept: readonly F[];
};

const FORMATS: Record<string, BodyFormat> = {
  'application/json': 'json',
  'application/x-www-form-urlencoded': 'form',
  'multipart/form-data': 'form',
};

/** The format a Content-Type names, or null when it is none we read. */
function toBodyFormat(contentType: string | null): BodyFormat | null {
  const mediaType = (contentType ?? '').split(';', 1)[0]!.trim().toLowerCase();
  return FORMATS[mediaType] ?? null;
}

async function readBytes(request: Request, limit: number): Promise<{ ok: true; bytes: Buffer<ArrayBuffer> } | BodyRefusal> {
  // Not a number (a forged or garbled header) is refused like a large one.
  const declared = request.headers.get('content-length');
  if (declared !== null && !(Number(declared) <= limit)) return { ok: false, status: 413 };
  if (!request.body) return { ok: true, bytes: Buffer.alloc(0) };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        // Cancelling stops the pull from the socket; Node still sends our 413.
        // Not awaited: a branch of request.clone() settles its cancel only once
        // the other branch is cancelled too.
        reader.cancel().catch(() => undefined);
        return { ok: false, status: 413 };
      }
      chunks.push(value);
    }
  } catch {
    // The client went away mid-body.
    return { ok: false, status: 400 };
  }
  return { ok: true, bytes: Buffer.concat(chunks, size) };
}

/**
 * Reads and parses a request body of at most `limit` bytes sent in one of
 * the `accept`ed formats: JSON is parsed (any JSON value; the caller's schema
 * decides its shape), a form becomes FormData (multipart keeps its files).
 */
export async function readBody<F extends BodyFormat>(request: Request, options: ReadBodyOptions<F>): Promise<Extract<ReadBody, { format: F }> | BodyRefusal> {
  // The media type is case-insensitive; a multipart boundary is not, so the header goes on to the parser as sent.
  const contentType = request.headers.get('content-type');
  const format = toBodyFormat(contentType);
  if (!format || !(options.accept as readonly BodyFormat[]).includes(format)) return { ok: false, status: 415 };
  const read = await readBytes(request, options.limit);
  if (!read.ok) return read;
  try {
    const body: ReadBody =
      format === 'json'
        ? { ok: true, format, json: JSON.parse(read.bytes.toString('utf8')) as unknown }
        : { ok: true, format, form: await new Response(read.bytes, { headers: { 'content-type': contentType! } }).formData() };
    return body as Extract<ReadBody, { format: F }>;
  } catch {
    return { ok: false, status: 400 };
  }
}

/**
 * The body as UTF-8 text whatever its Content-Type, at most `limit` bytes:
 * for routes whose clients are known to label JSON loosely (sendBeacon's
 * text/plain, `curl -d`'s form type).
 */
export async function readBodyText(request: Request, limit: number): Promise<{ ok: true; text: string } | BodyRefusal> {
  const read = await readBytes(request, limit);
  return read.ok ? { ok: true, text: read.bytes.toString('utf8') } : read;
}
