import { readClientAddress } from '../http/client-address';
import { isArticleId } from '../content/ids';

/**
 * The page-view beacon's wire format: a POST whose body is `{"id":"<article id>"}`,
 * sent by `navigator.sendBeacon` as text/plain (a CORS-safelisted type, so the
 * browser never preflights it) or by `fetch` as application/json.
 */

/** Largest body accepted, in bytes. A real beacon is about 20. */
export const MAX_BEACON_BYTES = 512;

export type BeaconProblem = { status: 400 | 403 | 413 | 415; message: string };
export type BeaconInput = { ok: true; articleId: string } | ({ ok: false } & BeaconProblem);

const ACCEPTED_TYPES = ['text/plain', 'application/json'];

/** Header checks made before reading the body: type, declared size, and where it came from. */
export function checkBeaconHeaders(headers: Headers): BeaconProblem | null {
  const type = headers.get('content-type')?.split(';', 1)[0]?.trim().toLowerCase();
  if (!type || !ACCEPTED_TYPES.includes(type)) {
    return { status: 415, message: 'Content-Type は text/plain か application/json にしてください。' };
  }
  const length = headers.get('content-length');
  if (length !== null && !(Number(length) <= MAX_BEACON_BYTES)) {
    return { status: 413, message: `本文が大きすぎます(上限 ${MAX_BEACON_BYTES} バイト)。` };
  }
  // Browsers label every fetch with where it came from; a view posted from
  // another site is not a reader of ours reading.
  if (headers.get('sec-fetch-site') === 'cross-site') {
    return { status: 403, message: '他のサイトからの送信は受け付けていません。' };
  }
  return null;
}

/** Parses a beacon body; the id must have the shape of an article id (existence is checked later). */
export function parseBeaconBody(body: string): BeaconInput {
  if (new TextEncoder().encode(body).length > MAX_BEACON_BYTES) {
    return { ok: false, status: 413, message: `本文が大きすぎます(上限 ${MAX_BEACON_BYTES} バイト)。` };
  }
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return { ok: false, status: 400, message: '本文が JSON として読めません。' };
  }
  const id = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as { id?: unknown }).id : undefined;
  if (typeof id !== 'string' || !isArticleId(id)) {
    return { ok: false, status: 400, message: '記事IDの形式が正しくありません。' };
  }
  return { ok: true, articleId: id };
}

/**
 * Reads a request body as text, giving up (null) once it passes `limit`
 * bytes, so a chunked upload without Content-Length cannot make us buffer it.
 */
export async function readLimitedText(body: ReadableStream<Uint8Array> | null, limit = MAX_BEACON_BYTES): Promise<string | null> {
  if (!body) return '';
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The client address for the visitor hash: the X-Forwarded-For entry the
 * outermost trusted proxy wrote (lib/http/client-address.ts), as for every
 * per-client limit, so a reader cannot pick a new address per request by
 * prepending one. Empty when there is none.
 */
export function readVisitorAddress(headers: Headers, trustedHops: number): string {
  return readClientAddress(headers.get('x-forwarded-for'), trustedHops) ?? '';
}
