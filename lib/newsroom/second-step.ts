import { sign, verifySignature } from '../signing';

/**
 * The half-signed-in state between a right password and its 確認コード
 * (ADR 0043): no session, only a signed token naming the account, good for
 * five minutes, in an httpOnly cookie sent to the sign-in routes alone.
 * Whoever holds it still needs a code; without it, the code step opens nothing.
 */

export const SECOND_STEP_LIFETIME_MS = 5 * 60 * 1000;

/** The cookie: the code route sits under the sign-in route's path, so the device cookie reaches it too. */
export const SECOND_STEP_COOKIE = { name: 'kiji_second_step', path: '/api/newsroom/sign-in', maxAgeSeconds: SECOND_STEP_LIFETIME_MS / 1000 } as const;

const PURPOSE = 'sign-in-second-step';

/** A token for `editorId` whose password was right at `now`. */
export function issueSecondStepToken(secret: string, editorId: string, now = new Date()): string {
  const expires = String(now.getTime() + SECOND_STEP_LIFETIME_MS);
  return `${editorId}.${expires}.${sign(secret, PURPOSE, `${editorId}\n${expires}`)}`;
}

/** The account a token was issued for while it lasts; null for an expired, forged or malformed one. */
export function readSecondStepToken(secret: string, token: string | undefined, now = new Date()): string | null {
  const m = token ? /^([A-Za-z0-9_-]{1,64})\.(\d{13})\.([A-Za-z0-9_-]{43})$/.exec(token) : null;
  if (!m) return null;
  const [, editorId, expires, signature] = m as unknown as [string, string, string, string];
  if (Number(expires) <= now.getTime() || Number(expires) > now.getTime() + SECOND_STEP_LIFETIME_MS) return null;
  return verifySignature(secret, PURPOSE, `${editorId}\n${expires}`, signature) ? editorId : null;
}
