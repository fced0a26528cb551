/** JSON answers of the newsroom's route handlers (never cached, errors always with a Japanese message), and the bodies they read. */

import { CACHE_CONTROL } from '../cache/control';
import { logServerFault, toServerFault } from '../db/errors';
import { readBody, type BodyRefusal } from '../http/body';
import { MAX_UPLOAD_BYTES } from './upload-rules';
import { logger } from '../log';

const NO_STORE = { 'Cache-Control': CACHE_CONTROL.personal } as const;

export function jsonOk(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return Response.json(body, { status: init.status ?? 200, headers: { ...NO_STORE, ...init.headers } });
}

/** A refusal: `error` in Japanese, and `details` beside it when the caller can do more with them than read (a save conflict's versions). */
export function jsonError(status: number, error: string, headers: Record<string, string> = {}, details: Record<string, unknown> = {}): Response {
  return Response.json({ ...details, error }, { status, headers: { ...NO_STORE, ...headers } });
}

/** A 303 after a form post, so reloading the next page does not post again. */
export function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { ...NO_STORE, Location: location } });
}

export const MESSAGES = {
  signedOut: 'サインインしてください。',
  crossSite: '不正なリクエストです。ページを再読み込みしてからやり直してください。',
  badToken: 'フォームの有効期限が切れました。ページを再読み込みしてからやり直してください。',
  badInput: '入力内容を確認してください。',
  notFound: '記事が見つかりません。',
} as const;

/**
 * A command's refusal as its status and message; a full disk or a database
 * that cannot be reached a 503 that says so (lib/db/errors.ts); anything else
 * a 500 that says only that it failed.
 */
export function toErrorResponse(error: unknown): Response {
  if (error instanceof Error && 'status' in error && typeof error.status === 'number' && error.status >= 400 && error.status < 500) {
    return jsonError(error.status, error.message);
  }
  const fault = toServerFault(error);
  if (fault) {
    logServerFault('newsroom', fault, error);
    return jsonError(503, fault.message, { 'Retry-After': String(fault.retryAfterSeconds) });
  }
  logger('newsroom').error({ err: error }, 'command failed');
  return jsonError(500, '処理に失敗しました。時間をおいてもう一度お試しください。');
}

/**
 * A newsroom route handler whose server faults (lib/db/errors.ts) anywhere,
 * the session check and the context included, answer the 503 of
 * {@link toErrorResponse} instead of Next.js's bare 500. Anything else is
 * thrown on as before.
 */
export function answeringServerFaults<A extends unknown[]>(handler: (...args: A) => Promise<Response>): (...args: A) => Promise<Response> {
  return async (...args) => {
    try {
      return await handler(...args);
    } catch (error) {
      if (!toServerFault(error)) throw error;
      return toErrorResponse(error);
    }
  };
}

/**
 * The most bytes each newsroom route reads (lib/http/body.ts), sized to the
 * largest input its validation accepts; anyone can send a body, signed in or
 * not, so none is read whole.
 */
export const BODY_LIMITS = {
  /** Login, password, form token and return path: well under 1 KB as typed. */
  signIn: 8 * 1024,
  /** A plain form post: the CSRF token and an id or two. */
  form: 8 * 1024,
  /** The front page: five article ids (the rest of the JSON is a few keys). */
  frontPage: 8 * 1024,
  /** A new topic or tag: a 40-character name and a slug. */
  term: 8 * 1024,
  /** An article command: a draft's 200,000-character body at up to 6 bytes a character (a JSON `\u` escape), and the rest. */
  article: 2 * 1024 * 1024,
  /** A live post (lib/live): a 4,000-character body and a headline at up to 6 bytes a character, and the rest. */
  live: 64 * 1024,
  /** A magazine issue or publication (./magazine.ts): a title and a blurb within their schema's bounds at up to 6 bytes a character, and 200 ids. */
  magazine: 160 * 1024,
  /** A newsletter edition (lib/newsletter/editions.ts): a 20,000-character intro at up to 6 bytes a character, a subject and 100 ids. */
  edition: 192 * 1024,
  /** A fixed page (./fixed-pages.ts): a 50,000-字 body at up to 6 bytes a character (a JSON `\u` escape), a title and a description. */
  fixedPage: 384 * 1024,
  /** A photo of MAX_UPLOAD_BYTES in a multipart body, with room for its headers and the boundary. */
  upload: MAX_UPLOAD_BYTES + 64 * 1024,
} as const;

const BODY_MESSAGES: Record<BodyRefusal['status'], string> = {
  413: '送信内容が大きすぎます。',
  415: '送信の形式が正しくありません。ページを再読み込みしてからやり直してください。',
  400: '送信内容を読み取れませんでした。ページを再読み込みしてからやり直してください。',
};

/** A refused body as the newsroom's JSON error; `tooLarge` when the route can say what the limit is. */
export function toBodyErrorResponse(refusal: BodyRefusal, tooLarge = BODY_MESSAGES[413]): Response {
  return jsonError(refusal.status, refusal.status === 413 ? tooLarge : BODY_MESSAGES[refusal.status]);
}

/** The request's JSON body of at most `limit` bytes, or the error response to send instead. */
export async function readJson(request: Request, limit: number): Promise<{ ok: true; json: unknown } | { ok: false; response: Response }> {
  const body = await readBody(request, { limit, accept: ['json'] });
  return body.ok ? body : { ok: false, response: toBodyErrorResponse(body) };
}

/** The request's form (URL-encoded or multipart) of at most `limit` bytes, or the error response to send instead. */
export async function readForm(request: Request, limit: number): Promise<{ ok: true; form: FormData } | { ok: false; response: Response }> {
  const body = await readBody(request, { limit, accept: ['form'] });
  return body.ok ? body : { ok: false, response: toBodyErrorResponse(body) };
}
