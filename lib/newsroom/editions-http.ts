import 'server-only';
import { z } from 'zod';
import { logger } from '../log';
import { getEditionSendContext, nudgeOutbox } from '../newsletter';
import { createEdition, editionInputSchema, saveEdition, sendEdition } from '../newsletter/editions';
import { guardMutation } from './auth';
import { getNewsroomContext } from './context';
import { BODY_LIMITS, jsonError, jsonOk, MESSAGES, readJson, toErrorResponse } from './http';
import { canSendEdition, EDITION_SEND_REFUSAL } from './roles';

/**
 * The HTTP side of newsletter editions (ADR 0044): POST /api/newsroom/editions
 * (the first save), PUT /api/newsroom/editions/{id} (later saves) and POST
 * /api/newsroom/editions/{id}/send. The same guard as every newsroom
 * mutation (same origin, session, CSRF token); any role drafts, only the
 * desk sends, refused before the body is read. Every refusal is a 4xx with
 * a Japanese message, and the editor keeps what was typed.
 */

const saveBody = editionInputSchema.extend({ baseRevision: z.number().int().min(1).max(1_000_000) });
const sendBody = z.object({ revision: z.number().int().min(1).max(1_000_000) });

/** POST /api/newsroom/editions: a new draft edition; answers `{ id, revision }` (201). */
export async function handleEditionCreate(request: Request): Promise<Response> {
  const guard = await guardMutation(request);
  if (guard instanceof Response) return guard;
  const body = await readJson(request, BODY_LIMITS.edition);
  if (!body.ok) return body.response;
  const parsed = editionInputSchema.safeParse(body.json);
  if (!parsed.success) return jsonError(400, MESSAGES.badInput);
  const { db } = await getNewsroomContext();
  try {
    const created = await createEdition(db, { ...parsed.data, editorId: guard.editor.id });
    logger('newsroom').info({ command: 'edition-create', editionId: created.id, editorId: guard.editor.id }, 'edition created');
    return jsonOk(created, { status: 201 });
  } catch (error) {
    return toErrorResponse(error);
  }
}

/** PUT /api/newsroom/editions/{id}: saves a draft over the revision the form was loaded with; answers `{ revision }`. */
export async function handleEditionSave(request: Request, id: string): Promise<Response> {
  const guard = await guardMutation(request);
  if (guard instanceof Response) return guard;
  const body = await readJson(request, BODY_LIMITS.edition);
  if (!body.ok) return body.response;
  const parsed = saveBody.safeParse(body.json);
  if (!parsed.success) return jsonError(400, MESSAGES.badInput);
  const { db } = await getNewsroomContext();
  try {
    const saved = await saveEdition(db, { ...parsed.data, id, editorId: guard.editor.id });
    return jsonOk(saved);
  } catch (error) {
    return toErrorResponse(error);
  }
}

/**
 * POST /api/newsroom/editions/{id}/send: the desk sends the revision it
 * confirmed to every confirmed subscriber; answers `{ recipients }`. The
 * mail is queued in the outbox and the worker nudged to start at once.
 */
export async function handleEditionSend(request: Request, id: string): Promise<Response> {
  const guard = await guardMutation(request);
  if (guard instanceof Response) return guard;
  if (!canSendEdition(guard.editor.role)) {
    logger('newsroom').warn({ command: 'edition-send', editionId: id.slice(0, 32), editorId: guard.editor.id, role: guard.editor.role }, 'edition send refused by role');
    return jsonError(403, EDITION_SEND_REFUSAL);
  }
  const body = await readJson(request, BODY_LIMITS.form);
  if (!body.ok) return body.response;
  const parsed = sendBody.safeParse(body.json);
  if (!parsed.success) return jsonError(400, MESSAGES.badInput);
  try {
    const ctx = await getEditionSendContext();
    const sent = await sendEdition(ctx, { id, revision: parsed.data.revision, editorId: guard.editor.id });
    nudgeOutbox();
    logger('newsroom').info({ command: 'edition-send', editionId: id, editorId: guard.editor.id, recipients: sent.recipients }, 'edition sent');
    return jsonOk(sent);
  } catch (error) {
    return toErrorResponse(error);
  }
}
