import 'server-only';
import { z } from 'zod';
import { startSession } from './auth';
import { getNewsroomContext } from './context';
import { checkRequestOrigin, isValidSignInToken, listAllowedOrigins } from './csrf';
import { checkCredentials } from './editors';
import { BODY_LIMITS, MESSAGES, jsonError, jsonOk, readJson } from './http';
import { readClientAddress } from '../http/client-address';
import { checkSignInAllowed, clearLoginFailures, recordSignInFailure } from './rate-limit';
import { toReturnPath } from './return-path';

const signInSchema = z.object({
  login: z.string().min(1).max(64),
  password: z.string().min(1).max(200),
  token: z.string().max(200),
  next: z.string().max(500).optional(),
});

/** One message for a wrong login and a wrong password: the answer must not tell which logins exist. */
export const WRONG_CREDENTIALS = 'ユーザー名またはパスワードが正しくありません。';
export const TOO_MANY_ATTEMPTS = 'サインインの失敗が続いたため、しばらく受け付けません。時間をおいてからお試しください。';

/**
 * POST /api/newsroom/sign-in: same-origin check, the sign-in form's signed
 * token, the per-login and per-address limits, then the password. Success
 * rotates the session cookie and names the page to go to.
 */
export async function handleSignIn(request: Request): Promise<Response> {
  const { db, secret, settings, siteUrl } = await getNewsroomContext();
  if (!checkRequestOrigin(request.headers, listAllowedOrigins(siteUrl, request.headers)).ok) return jsonError(403, MESSAGES.crossSite);
  // No session is needed to get here: the body is read only up to a sign-in's size.
  const body = await readJson(request, BODY_LIMITS.signIn);
  if (!body.ok) return body.response;
  const parsed = signInSchema.safeParse(body.json);
  if (!parsed.success) return jsonError(400, 'ユーザー名とパスワードを入力してください。');
  const { login, password, token, next } = parsed.data;
  if (!isValidSignInToken(secret, token)) return jsonError(403, MESSAGES.badToken);

  const keys = { login, address: readClientAddress(request.headers.get('x-forwarded-for'), settings.trustedProxyHops) };
  const allowed = await checkSignInAllowed(db, keys);
  if (!allowed.allowed) return jsonError(429, TOO_MANY_ATTEMPTS, { 'Retry-After': String(allowed.retryAfterSeconds) });

  const editor = await checkCredentials(db, login, password);
  if (!editor) {
    await recordSignInFailure(db, keys);
    return jsonError(401, WRONG_CREDENTIALS);
  }
  await clearLoginFailures(db, login);
  await startSession(editor);
  return jsonOk({ redirect: toReturnPath(next) });
}
