/** JSON answers of the newsroom's route handlers: never cached, errors always with a Japanese message. */

const NO_STORE = { 'Cache-Control': 'private, no-store' } as const;

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
