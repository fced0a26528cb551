import 'server-only';
import { z } from 'zod';
import { guardMutation, type SignedIn } from './auth';
import { getNewsroomContext } from './context';
import { changeEditorRole, createEditor, EditorInputError } from './editors';
import { BODY_LIMITS, MESSAGES, jsonError, jsonOk, readJson, toErrorResponse } from './http';
import { ADMIN_ONLY, canManageAccounts, isRole } from './roles';
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
