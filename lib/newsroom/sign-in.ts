import 'server-only';
import { z } from 'zod';
import { startSession } from './auth';
import { getNewsroomContext } from './context';
import { checkRequestOrigin, isValidSignInToken, listAllowedOrigins } from './csrf';
import { checkCredentials } from './editors';
import { BODY_LIMITS, MESSAGES, jsonError, jsonOk, readJson } from './http';
import { readClientAddress } from '../http/client-address';
import { cookies } from 'next/headers';
import { PasswordCheckBusyError, runPasswordCheck } from './password';
import { DEVICE_COOKIE, admitSignInAttempt, forgiveSignInAttempt, issueDeviceToken, readDeviceToken, type SignInAttempt } from './rate-limit';
import { toReturnPath } from './return-path';
import { logger } from '../log';
import { keyedHash } from '../signing';

const signInSchema = z.object({
  login: z.string().min(1).max(64),
  password: z.string().min(1).max(200),
  token: z.string().max(200),
  next: z.string().max(500).optional(),
});

/** One message for a wrong login and a wrong password: the answer must not tell which logins exist. */
export const WRONG_CREDENTIALS = 'ユーザー名またはパスワードが正しくありません。';
export const TOO_MANY_ATTEMPTS = 'サインインの失敗が続いたため、しばらく受け付けません。時間をおいてからお試しください。';
export const SIGN_IN_BUSY = 'ただいまサインインが混み合っています。少し時間をおいてからお試しください。';

/**
 * Each outcome once the form is read is logged with the account's id when
 * there is one, never the login typed (it may be a password typed in the
 * wrong box) or the address: `client` is a keyed hash of the address, enough
 * to see that failures come from one place (docs/adr/0028-structured-logs.md).
 */
function logSignIn(secret: string, attempt: SignInAttempt, outcome: 'signed-in' | 'wrong-credentials' | 'rate-limited' | 'busy', editorId?: string): void {
  const fields = { outcome, editorId, client: attempt.address ? keyedHash(secret, 'log-client', attempt.address) : undefined, knownDevice: attempt.device !== null };
  if (outcome === 'signed-in') logger('newsroom').info(fields, 'sign-in');
  else logger('newsroom').warn(fields, 'sign-in refused');
}

/**
 * POST /api/newsroom/sign-in: same-origin check, the sign-in form's signed
 * token, the attempt counted against its address and its login (or known
 * browser), then the password, in the bounded queue of password checks.
 * Success gives the attempt back, marks the browser as the account's
 * (lib/newsroom/rate-limit.ts), rotates the session cookie and names the
 * page to go to.
 */
export async function handleSignIn(request: Request): Promise<Response> {
  const { db, secret, settings, siteUrl } = await getNewsroomContext();
  if (!checkRequestOrigin(request.headers, listAllowedOrigins(siteUrl, request.headers, settings.trustedProxyHops)).ok) return jsonError(403, MESSAGES.crossSite);
  // No session is needed to get here: the body is read only up to a sign-in's size.
  const body = await readJson(request, BODY_LIMITS.signIn);
  if (!body.ok) return body.response;
  const parsed = signInSchema.safeParse(body.json);
  if (!parsed.success) return jsonError(400, 'ユーザー名とパスワードを入力してください。');
  const { login, password, token, next } = parsed.data;
  if (!isValidSignInToken(secret, token)) return jsonError(403, MESSAGES.badToken);

  const jar = await cookies();
  const attempt: SignInAttempt = {
    login,
    address: readClientAddress(request.headers.get('x-forwarded-for'), settings.trustedProxyHops),
    device: readDeviceToken(secret, login, jar.get(DEVICE_COOKIE.name)?.value),
  };
  const admitted = await admitSignInAttempt(db, attempt);
  if (!admitted.allowed) {
    logSignIn(secret, attempt, 'rate-limited');
    return jsonError(429, TOO_MANY_ATTEMPTS, { 'Retry-After': String(admitted.retryAfterSeconds) });
  }

  let editor: Awaited<ReturnType<typeof checkCredentials>>;
  try {
    editor = await runPasswordCheck(() => checkCredentials(db, login, password), { trusted: attempt.device !== null });
  } catch (error) {
    if (!(error instanceof PasswordCheckBusyError)) throw error;
    await forgiveSignInAttempt(db, attempt, 'unchecked');
    logSignIn(secret, attempt, 'busy');
    return jsonError(503, SIGN_IN_BUSY, { 'Retry-After': '5' });
  }
  if (!editor) {
    logSignIn(secret, attempt, 'wrong-credentials');
    return jsonError(401, WRONG_CREDENTIALS);
  }
  await forgiveSignInAttempt(db, attempt, 'signed-in');
  jar.set(DEVICE_COOKIE.name, issueDeviceToken(secret, editor.login), {
    httpOnly: true,
    sameSite: 'strict',
    secure: settings.secureCookies,
    path: DEVICE_COOKIE.path,
    maxAge: DEVICE_COOKIE.maxAgeSeconds,
  });
  await startSession(editor);
  logSignIn(secret, attempt, 'signed-in', editor.id);
  return jsonOk({ redirect: toReturnPath(next) });
}
