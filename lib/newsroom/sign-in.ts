import 'server-only';
import { z } from 'zod';
import { startSession } from './auth';
import { getNewsroomContext } from './context';
import { checkRequestOrigin, isValidSignInToken, listAllowedOrigins } from './csrf';
import { checkCredentials, findEditor, type Editor } from './editors';
import { BODY_LIMITS, MESSAGES, jsonError, jsonOk, readJson } from './http';
import { readClientAddress } from '../http/client-address';
import { cookies } from 'next/headers';
import { PasswordCheckBusyError, runPasswordCheck } from './password';
import { DEVICE_COOKIE, admitSignInAttempt, forgiveSignInAttempt, issueDeviceToken, readDeviceToken, type SignInAttempt } from './rate-limit';
import { toReturnPath } from './return-path';
import { isTwoFactorRequired } from './policies';
import { isTwoFactorDue, TWO_FACTOR_SETUP_PAGE } from './roles';
import { issueSecondStepToken, readSecondStepToken, SECOND_STEP_COOKIE } from './second-step';
import { hasTwoFactor, toSecondFactorMessage, spendSecondFactor } from './two-factor';
import type { NewsroomContext } from './context';
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
export const CODE_STEP_EXPIRED = '確認の有効期限が切れました。もう一度ユーザー名とパスワードを入力してください。';

const codeSchema = z.object({
  code: z.string().min(1).max(64),
  token: z.string().max(200),
  next: z.string().max(500).optional(),
});

type Outcome = 'signed-in' | 'wrong-credentials' | 'rate-limited' | 'busy' | 'code-required' | 'wrong-code' | 'code-expired';

/**
 * Each outcome once the form is read is logged with the account's id when
 * there is one, never the login typed (it may be a password typed in the
 * wrong box) or the address: `client` is a keyed hash of the address, enough
 * to see that failures come from one place (docs/adr/0028-structured-logs.md).
 */
function logSignIn(secret: string, attempt: SignInAttempt, outcome: Outcome, editorId?: string): void {
  const fields = { outcome, editorId, client: attempt.address ? keyedHash(secret, 'log-client', attempt.address) : undefined, knownDevice: attempt.device !== null };
  if (outcome === 'signed-in') logger('newsroom').info(fields, 'sign-in');
  else if (outcome === 'code-required') logger('newsroom').info(fields, 'sign-in code asked');
  else logger('newsroom').warn(fields, 'sign-in refused');
}

/**
 * POST /api/newsroom/sign-in: same-origin check, the sign-in form's signed
 * token, the attempt counted against its address and its login (or known
 * browser), then the password, in the bounded queue of password checks.
 * An account with two-factor sign-in then gets the short-lived token of
 * the code step (./second-step.ts) and no session; any other signs in.
 */
export async function handleSignIn(request: Request): Promise<Response> {
  const context = await getNewsroomContext();
  const { db, secret, settings, siteUrl } = context;
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
  if (await hasTwoFactor(db, editor.id)) {
    await forgiveSignInAttempt(db, attempt, 'password-only');
    jar.set(SECOND_STEP_COOKIE.name, issueSecondStepToken(secret, editor.id), {
      httpOnly: true,
      sameSite: 'strict',
      secure: settings.secureCookies,
      path: SECOND_STEP_COOKIE.path,
      maxAge: SECOND_STEP_COOKIE.maxAgeSeconds,
    });
    logSignIn(secret, attempt, 'code-required', editor.id);
    return jsonOk({ codeRequired: true });
  }
  return finishSignIn(context, jar, attempt, editor, next);
}

type CookieJar = Awaited<ReturnType<typeof cookies>>;

/**
 * The end of every sign-in: the attempts are given back, the browser is
 * marked as the account's (only now, never after a password alone: the
 * device's own bucket is for the account's owner), the session cookie
 * rotates, and the answer names the page to go to: the two-factor set-up
 * when the account must make one first.
 */
async function finishSignIn({ db, secret, settings }: NewsroomContext, jar: CookieJar, attempt: SignInAttempt, editor: Editor, next: string | undefined): Promise<Response> {
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
  const due = isTwoFactorDue({ role: editor.role, twoFactorOn: await hasTwoFactor(db, editor.id), requiredForPublishers: await isTwoFactorRequired(db) });
  return jsonOk({ redirect: due ? TWO_FACTOR_SETUP_PAGE : toReturnPath(next) });
}

/**
 * POST /api/newsroom/sign-in/code: the 確認コード of an account whose
 * password was right minutes ago (the code-step cookie). Each code counts
 * against the same limits as a password; a right one, a TOTP code not used
 * before or an unused recovery code, signs in. An expired or missing step
 * answers 401 with `restart`, and the form asks for the password again.
 */
export async function handleSignInCode(request: Request): Promise<Response> {
  const context = await getNewsroomContext();
  const { db, secret, settings, siteUrl } = context;
  if (!checkRequestOrigin(request.headers, listAllowedOrigins(siteUrl, request.headers, settings.trustedProxyHops)).ok) return jsonError(403, MESSAGES.crossSite);
  const body = await readJson(request, BODY_LIMITS.signIn);
  if (!body.ok) return body.response;
  const parsed = codeSchema.safeParse(body.json);
  if (!parsed.success) return jsonError(400, '確認コードを入力してください。');
  const { code, token, next } = parsed.data;
  if (!isValidSignInToken(secret, token)) return jsonError(403, MESSAGES.badToken);

  const jar = await cookies();
  const address = readClientAddress(request.headers.get('x-forwarded-for'), settings.trustedProxyHops);
  const editorId = readSecondStepToken(secret, jar.get(SECOND_STEP_COOKIE.name)?.value);
  const editor = editorId ? await findEditor(db, editorId) : null;
  if (!editor) {
    logSignIn(secret, { login: '', address, device: null }, 'code-expired');
    return jsonOk({ error: CODE_STEP_EXPIRED, restart: true }, { status: 401 });
  }
  const attempt: SignInAttempt = { login: editor.login, address, device: readDeviceToken(secret, editor.login, jar.get(DEVICE_COOKIE.name)?.value) };
  const admitted = await admitSignInAttempt(db, attempt);
  if (!admitted.allowed) {
    logSignIn(secret, attempt, 'rate-limited', editor.id);
    return jsonError(429, TOO_MANY_ATTEMPTS, { 'Retry-After': String(admitted.retryAfterSeconds) });
  }
  const verdict = await spendSecondFactor(db, editor.id, code);
  if (!verdict.ok) {
    if (verdict.reason === 'off') {
      // Turned off (a 管理者's reset) since the password: the password alone decides now, asked again.
      await forgiveSignInAttempt(db, attempt, 'unchecked');
      logSignIn(secret, attempt, 'code-expired', editor.id);
      return jsonOk({ error: CODE_STEP_EXPIRED, restart: true }, { status: 401 });
    }
    logSignIn(secret, attempt, 'wrong-code', editor.id);
    return jsonError(401, toSecondFactorMessage(verdict.reason));
  }
  jar.set(SECOND_STEP_COOKIE.name, '', { httpOnly: true, sameSite: 'strict', secure: settings.secureCookies, path: SECOND_STEP_COOKIE.path, maxAge: 0 });
  return finishSignIn(context, jar, attempt, editor, next);
}
