/** JSON answers of the newsroom's route handlers: never cached, errors always with a Japanese message. */

import { CACHE_CONTROL } from '../cache/control';

const NO_STORE = { 'Cache-Control': CACHE_CONTROL.personal } as const;

export function jsonOk(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return Response.json(body, { status: init.status ?? 200, headers: { ...NO_STORE, ...init.headers } });
}

export function jsonError(status: number, error: string, headers: Record<string, string> = {}): Response {
  return Response.json({ error }, { status, headers: { ...NO_STORE, ...headers } });
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

/** A command's refusal as its status and message; anything else is a 500 that says only that it failed. */
export function toErrorResponse(error: unknown): Response {
  if (error instanceof Error && 'status' in error && typeof error.status === 'number' && error.status >= 400 && error.status < 500) {
    return jsonError(error.status, error.message);
  }
  console.error('Kiji newsroom: command failed', error);
  return jsonError(500, '処理に失敗しました。時間をおいてもう一度お試しください。');
}

/** The request's JSON body, or null when it is not JSON. */
export async function readJson(request: Request): Promise<unknown> {
  if (!(request.headers.get('content-type') ?? '').startsWith('application/json')) return null;
  return request.json().catch(() => null);
}
