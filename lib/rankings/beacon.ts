import { readBodyText } from '../http/body';
import { readClientAddress, toClientSubject } from '../http/client-address';
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

/** Header checks made before reading the body: its type, and where it came from. */
export function checkBeaconHeaders(headers: Headers): BeaconProblem | null {
  const type = headers.get('content-type')?.split(';', 1)[0]?.trim().toLowerCase();
  if (!type || !ACCEPTED_TYPES.includes(type)) {
    return { status: 415, message: 'Content-Type は text/plain か application/json にしてください。' };
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
 * Reads the beacon of a request whose headers passed checkBeaconHeaders: at
 * most MAX_BEACON_BYTES (lib/http/body.ts), as JSON whichever of the two
 * types it came as, since sendBeacon can only call it text/plain.
 */
export async function readBeacon(request: Request): Promise<BeaconInput> {
  const body = await readBodyText(request, MAX_BEACON_BYTES);
  if (body.ok) return parseBeaconBody(body.text);
  if (body.status === 413) return { ok: false, status: 413, message: `本文が大きすぎます(上限 ${MAX_BEACON_BYTES} バイト)。` };
  return { ok: false, status: 400, message: '本文を読み取れませんでした。' };
}

/**
 * Who the visitor is, before hashing: the client address the outermost
 * trusted proxy saw (lib/http/client-address.ts), as for every per-client
 * limit, so a reader cannot pick a new address per request by prepending
 * one; counted by its /64 when it is IPv6, so one home's many addresses are
 * one visitor. Empty when there is none.
 */
export function readVisitorSubject(headers: Headers, trustedHops: number): string {
  return toClientSubject(readClientAddress(headers.get('x-forwarded-for'), trustedHops) ?? '');
}
