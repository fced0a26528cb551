/**
 * How the newsroom's client leaves post to its route handlers: JSON with
 * the session's CSRF token (lib/newsroom/csrf.ts), and one shape for what
 * came back, so each form only says what its own failure is called.
 */

/** What a route answered: its JSON, or the reason, in Japanese, that it refused or could not be reached. */
export type NewsroomAnswer = { ok: true; status: number; body: Record<string, unknown> } | { ok: false; status: number; error: string; body: Record<string, unknown> };

/** When the request never got an answer (offline, the server restarting). */
export const NETWORK_FAILURE = '通信に失敗しました。接続を確かめてもう一度お試しください。';

type SendOptions = {
  method?: 'POST' | 'PUT';
  /** The form's words for a refusal that carries no `error` of its own (default: 「処理できませんでした(status)。」). */
  refused?: (status: number) => string;
  /** The form's words for no answer at all (default: NETWORK_FAILURE). */
  offline?: string;
};

export async function sendJson(path: string, csrfToken: string, body: unknown, { method = 'POST', refused, offline = NETWORK_FAILURE }: SendOptions = {}): Promise<NewsroomAnswer> {
  const response = await fetch(path, {
    method,
    headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrfToken },
    body: JSON.stringify(body),
  }).catch(() => null);
  if (!response) return { ok: false, status: 0, error: offline, body: {} };
  const answer = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (response.ok) return { ok: true, status: response.status, body: answer };
  const error = typeof answer.error === 'string' ? answer.error : (refused?.(response.status) ?? `処理できませんでした(${response.status})。`);
  return { ok: false, status: response.status, error, body: answer };
}
