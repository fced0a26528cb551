import 'server-only';
import { z } from 'zod';
import { guardMutation, type SignedIn } from './auth';
import { getNewsroomContext } from './context';
import { changeEditorRole, createEditor, EditorInputError } from './editors';
import { BODY_LIMITS, MESSAGES, jsonError, jsonOk, readJson, toErrorResponse } from './http';
import { setTwoFactorRequired } from './policies';
import { ADMIN_ONLY, canManageAccounts, isRole } from './roles';
import { turnOffTwoFactor } from './two-factor';
import { logger } from '../log';

/**
 * The HTTP side of account management (/newsroom/accounts, ADR 0032):
 * every request passes the newsroom's guard, then must come from a 管理者
 * (403 otherwise, whatever the body says), then is validated.
 */

const roleField = z.string().refine(isRole, { message: '役割を選んでください。' });

const newAccount = z.object({
  login: z.string().max(64),
  name: z.string().max(200),
  password: z.string().max(1024),
  role: roleField,
});

const roleChange = z.object({ role: roleField });

/** The guard, then the admin check: the signed-in 管理者, or the response to send instead. */
async function guardAdmin(request: Request): Promise<SignedIn | Response> {
  const guard = await guardMutation(request);
  if (guard instanceof Response) return guard;
  if (!canManageAccounts(guard.editor.role)) return jsonError(403, ADMIN_ONLY);
  return guard;
}

function toInputError(error: z.ZodError): Response {
  const message = error.issues[0]?.message ?? '';
  return jsonError(400, /[ぁ-ん一-龯]/.test(message) ? message : MESSAGES.badInput);
}

/** POST /api/newsroom/accounts: a new account with its login, name, initial password and role. */
export async function handleCreateAccount(request: Request): Promise<Response> {
  const guard = await guardAdmin(request);
  if (guard instanceof Response) return guard;
  const body = await readJson(request, BODY_LIMITS.form);
  if (!body.ok) return body.response;
  const parsed = newAccount.safeParse(body.json);
  if (!parsed.success) return toInputError(parsed.error);
  try {
    const { db } = await getNewsroomContext();
    const editor = await createEditor(db, parsed.data);
    logger('newsroom').info({ editorId: guard.editor.id, accountId: editor.id, role: editor.role }, 'account created');
    return jsonOk({ account: editor }, { status: 201 });
  } catch (error) {
    if (error instanceof EditorInputError) return jsonError(error.status, error.message);
    return toErrorResponse(error);
  }
}

/** POST /api/newsroom/accounts/{id}/role: gives an account another role (never the last 管理者's away). */
export async function handleChangeRole(request: Request, accountId: string): Promise<Response> {
  const guard = await guardAdmin(request);
  if (guard instanceof Response) return guard;
  const body = await readJson(request, BODY_LIMITS.form);
  if (!body.ok) return body.response;
  const parsed = roleChange.safeParse(body.json);
  if (!parsed.success) return toInputError(parsed.error);
  try {
    const { db } = await getNewsroomContext();
    const account = await changeEditorRole(db, { editorId: accountId, role: parsed.data.role });
    logger('newsroom').info({ editorId: guard.editor.id, accountId: account.id, role: account.role }, 'account role changed');
    return jsonOk({ account });
  } catch (error) {
    if (error instanceof EditorInputError) return jsonError(error.status, error.message);
    return toErrorResponse(error);
  }
}

/**
 * POST /api/newsroom/accounts/{id}/two-factor: turns an account's two-factor
 * sign-in off (a lost phone, no recovery code left). Its owner signs in with
 * the password again and, where it is required, sets it up anew.
 */
export async function handleResetTwoFactor(request: Request, accountId: string): Promise<Response> {
  const guard = await guardAdmin(request);
  if (guard instanceof Response) return guard;
  // One's own is turned off from one's own page, with a code or the password: a session alone must not strip it.
  if (accountId === guard.editor.id) return jsonError(409, '自分の二段階認証は「自分のアカウント」から無効にしてください。');
  try {
    const { db } = await getNewsroomContext();
    if (!(await turnOffTwoFactor(db, accountId))) return jsonError(409, 'このアカウントの二段階認証は有効になっていません。');
    logger('newsroom').info({ editorId: guard.editor.id, accountId }, 'account two-factor reset');
    return jsonOk({ reset: true });
  } catch (error) {
    return toErrorResponse(error);
  }
}

const policyChange = z.object({ required: z.boolean() });

export const ENROL_BEFORE_REQUIRING = '先にご自分のアカウントで二段階認証を有効にしてください(「自分のアカウント」から設定できます)。';

/**
 * POST /api/newsroom/accounts/two-factor-policy: whether デスク and 管理者
 * accounts must use two-factor sign-in. The 管理者 turning it on must have
 * it already, so the setting never shuts its own author out of this page.
 */
export async function handleTwoFactorPolicy(request: Request): Promise<Response> {
  const guard = await guardAdmin(request);
  if (guard instanceof Response) return guard;
  const body = await readJson(request, BODY_LIMITS.form);
  if (!body.ok) return body.response;
  const parsed = policyChange.safeParse(body.json);
  if (!parsed.success) return jsonError(400, MESSAGES.badInput);
  if (parsed.data.required && !guard.twoFactorOn) return jsonError(409, ENROL_BEFORE_REQUIRING);
  try {
    const { db } = await getNewsroomContext();
    await setTwoFactorRequired(db, { required: parsed.data.required, by: guard.editor.id });
    logger('newsroom').info({ editorId: guard.editor.id, required: parsed.data.required }, 'two-factor requirement changed');
    return jsonOk({ required: parsed.data.required });
  } catch (error) {
    return toErrorResponse(error);
  }
}
