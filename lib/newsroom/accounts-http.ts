import 'server-only';
import { z } from 'zod';
import { guardMutation, type SignedIn } from './auth';
import { getNewsroomContext } from './context';
import { changeEditorRole, createEditor, EditorInputError } from './editors';
import { BODY_LIMITS, jsonError, jsonOk, toErrorResponse } from './http';
import { answer, readMutation } from './mutation';
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

const adminOnly = ({ editor }: SignedIn) => (canManageAccounts(editor.role) ? null : ADMIN_ONLY);

/** The guard, then the admin check, for the one command with no body: the signed-in 管理者, or the response to send instead. */
async function guardAdmin(request: Request): Promise<SignedIn | Response> {
  const guard = await guardMutation(request);
  if (guard instanceof Response) return guard;
  const refusal = adminOnly(guard);
  return refusal ? jsonError(403, refusal) : guard;
}

/** POST /api/newsroom/accounts: a new account with its login, name, initial password and role. */
export async function handleCreateAccount(request: Request): Promise<Response> {
  const mutation = await readMutation(request, { limit: BODY_LIMITS.form, schema: newAccount, refuse: adminOnly });
  if (!mutation.ok) return mutation.response;
  try {
    const { db } = await getNewsroomContext();
    const editor = await createEditor(db, mutation.input);
    logger('newsroom').info({ editorId: mutation.signedIn.editor.id, accountId: editor.id, role: editor.role }, 'account created');
    return jsonOk({ account: editor }, { status: 201 });
  } catch (error) {
    if (error instanceof EditorInputError) return jsonError(error.status, error.message);
    return toErrorResponse(error);
  }
}

/** POST /api/newsroom/accounts/{id}/role: gives an account another role (never the last 管理者's away). */
export async function handleChangeRole(request: Request, accountId: string): Promise<Response> {
  const mutation = await readMutation(request, { limit: BODY_LIMITS.form, schema: roleChange, refuse: adminOnly });
  if (!mutation.ok) return mutation.response;
  try {
    const { db } = await getNewsroomContext();
    const account = await changeEditorRole(db, { editorId: accountId, role: mutation.input.role });
    logger('newsroom').info({ editorId: mutation.signedIn.editor.id, accountId: account.id, role: account.role }, 'account role changed');
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
  const mutation = await readMutation(request, { limit: BODY_LIMITS.form, schema: policyChange, refuse: adminOnly });
  if (!mutation.ok) return mutation.response;
  const { signedIn, input } = mutation;
  if (input.required && !signedIn.twoFactorOn) return jsonError(409, ENROL_BEFORE_REQUIRING);
  return answer(async () => {
    const { db } = await getNewsroomContext();
    await setTwoFactorRequired(db, { required: input.required, by: signedIn.editor.id });
    logger('newsroom').info({ editorId: signedIn.editor.id, required: input.required }, 'two-factor requirement changed');
    return jsonOk({ required: input.required });
  });
}
