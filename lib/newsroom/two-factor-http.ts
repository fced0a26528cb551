import 'server-only';
import { z } from 'zod';
import { getNewsroomContext } from './context';
import { checkCredentials } from './editors';
import { BODY_LIMITS, MESSAGES, jsonError, jsonOk } from './http';
import { answer, readMutation } from './mutation';
import type { SignedIn } from './auth';
import { readClientAddress } from '../http/client-address';
import { PasswordCheckBusyError, runPasswordCheck } from './password';
import { isTwoFactorRequired } from './policies';
import { admitSignInAttempt, forgiveSignInAttempt, type SignInAttempt } from './rate-limit';
import { canPublish } from './roles';
import { SIGN_IN_BUSY, TOO_MANY_ATTEMPTS } from './sign-in';
import { confirmTwoFactorEnrolment, startTwoFactorEnrolment, toSecondFactorMessage, turnOffTwoFactor, spendSecondFactor } from './two-factor';
import { logger } from '../log';

/**
 * POST /api/newsroom/two-factor/{start|confirm|disable}: an editor's own
 * two-factor sign-in, from their account page (ADR 0043). Every command
 * passes the newsroom's guard first; start and confirm are what an account
 * whose two-factor sign-in is due may still post.
 */

export const TWO_FACTOR_COMMANDS = ['start', 'confirm', 'disable'] as const;
export type TwoFactorCommand = (typeof TWO_FACTOR_COMMANDS)[number];

export function isTwoFactorCommand(value: string): value is TwoFactorCommand {
  return (TWO_FACTOR_COMMANDS as readonly string[]).includes(value);
}

const confirmSchema = z.object({ code: z.string().max(64) });
const disableSchema = z.object({ code: z.string().max(64).optional(), password: z.string().max(200).optional() });

export const REQUIRED_CANNOT_DISABLE = '管理者の設定により、デスクと管理者のアカウントは二段階認証が必須です。無効にはできません。';
const DISABLE_NEEDS_PROOF = '無効にするには、認証アプリの確認コードかパスワードを入力してください。';
const WRONG_PASSWORD = 'パスワードが正しくありません。';

export async function handleTwoFactorCommand(request: Request, command: string): Promise<Response> {
  const rules = { limit: BODY_LIMITS.form, unknown: () => (isTwoFactorCommand(command) ? null : '操作が見つかりません。') };
  if (command === 'confirm') {
    const read = await readMutation(request, { ...rules, schema: confirmSchema, invalid: () => '確認コードを入力してください。' });
    if (!read.ok) return read.response;
    const { editor } = read.signedIn;
    return answer(async () => {
      const { db } = await getNewsroomContext();
      const recoveryCodes = await confirmTwoFactorEnrolment(db, editor.id, read.input.code);
      logger('newsroom').info({ editorId: editor.id }, 'two-factor turned on');
      return jsonOk({ recoveryCodes });
    });
  }
  if (command === 'disable') {
    const read = await readMutation(request, { ...rules, schema: disableSchema, invalid: () => MESSAGES.badInput });
    if (!read.ok) return read.response;
    return answer(() => disableTwoFactor(request, read.signedIn.editor, read.input));
  }
  // start, and every unknown command (refused by `unknown` once the guard has passed).
  const read = await readMutation(request, { ...rules, schema: z.object({}) });
  if (!read.ok) return read.response;
  const { editor } = read.signedIn;
  return answer(async () => {
    const { db } = await getNewsroomContext();
    await startTwoFactorEnrolment(db, editor.id);
    return jsonOk({ started: true });
  });
}

/** 無効にする: the editor proves it is them again (a code, or the password), on the sign-in limits. */
async function disableTwoFactor(request: Request, editor: SignedIn['editor'], input: z.output<typeof disableSchema>): Promise<Response> {
  const { db, settings } = await getNewsroomContext();
  const code = input.code?.trim() ?? '';
  const password = input.password ?? '';
  if (code === '' && password === '') return jsonError(400, DISABLE_NEEDS_PROOF);
  if (canPublish(editor.role) && (await isTwoFactorRequired(db))) return jsonError(409, REQUIRED_CANNOT_DISABLE);
  // A stolen session must not be able to guess the code or the password unchecked: the sign-in limits apply.
  const attempt: SignInAttempt = { login: editor.login, address: readClientAddress(request.headers.get('x-forwarded-for'), settings.trustedProxyHops), device: null };
  const admitted = await admitSignInAttempt(db, attempt);
  if (!admitted.allowed) return jsonError(429, TOO_MANY_ATTEMPTS, { 'Retry-After': String(admitted.retryAfterSeconds) });
  if (code !== '') {
    const verdict = await spendSecondFactor(db, editor.id, code);
    if (!verdict.ok) return jsonError(400, toSecondFactorMessage(verdict.reason));
  } else {
    let checked: Awaited<ReturnType<typeof checkCredentials>>;
    try {
      checked = await runPasswordCheck(() => checkCredentials(db, editor.login, password), { trusted: true });
    } catch (error) {
      if (!(error instanceof PasswordCheckBusyError)) throw error;
      await forgiveSignInAttempt(db, attempt, 'unchecked');
      return jsonError(503, SIGN_IN_BUSY, { 'Retry-After': '5' });
    }
    if (!checked) return jsonError(400, WRONG_PASSWORD);
  }
  await forgiveSignInAttempt(db, attempt, 'unchecked');
  await turnOffTwoFactor(db, editor.id);
  logger('newsroom').info({ editorId: editor.id }, 'two-factor turned off');
  return jsonOk({ off: true });
}
