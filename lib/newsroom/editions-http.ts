import 'server-only';
import { z } from 'zod';
import { logger } from '../log';
import { getEditionSendContext, nudgeOutbox } from '../newsletter';
import { createEdition, editionInputSchema, saveEdition, sendEdition } from '../newsletter/editions';
import { getNewsroomContext } from './context';
import { BODY_LIMITS, jsonOk } from './http';
import { answer, readMutation } from './mutation';
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
  const mutation = await readMutation(request, { limit: BODY_LIMITS.edition, schema: editionInputSchema });
  if (!mutation.ok) return mutation.response;
  const { editor } = mutation.signedIn;
  const { db } = await getNewsroomContext();
  return answer(async () => {
    const created = await createEdition(db, { ...mutation.input, editorId: editor.id });
    logger('newsroom').info({ command: 'edition-create', editionId: created.id, editorId: editor.id }, 'edition created');
    return jsonOk(created, { status: 201 });
  });
}

/** PUT /api/newsroom/editions/{id}: saves a draft over the revision the form was loaded with; answers `{ revision }`. */
export async function handleEditionSave(request: Request, id: string): Promise<Response> {
  const mutation = await readMutation(request, { limit: BODY_LIMITS.edition, schema: saveBody });
  if (!mutation.ok) return mutation.response;
  const { db } = await getNewsroomContext();
  return answer(async () => jsonOk(await saveEdition(db, { ...mutation.input, id, editorId: mutation.signedIn.editor.id })));
}

/**
 * POST /api/newsroom/editions/{id}/send: the desk sends the revision it
 * confirmed to every confirmed subscriber; answers `{ recipients }`. The
 * mail is queued in the outbox and the worker nudged to start at once.
 */
export async function handleEditionSend(request: Request, id: string): Promise<Response> {
  const mutation = await readMutation(request, {
    limit: BODY_LIMITS.form,
    schema: sendBody,
    refuse: ({ editor }) => {
      if (canSendEdition(editor.role)) return null;
      logger('newsroom').warn({ command: 'edition-send', editionId: id.slice(0, 32), editorId: editor.id, role: editor.role }, 'edition send refused by role');
      return EDITION_SEND_REFUSAL;
    },
  });
  if (!mutation.ok) return mutation.response;
  const { editor } = mutation.signedIn;
  return answer(async () => {
    const ctx = await getEditionSendContext();
    const sent = await sendEdition(ctx, { id, revision: mutation.input.revision, editorId: editor.id });
    nudgeOutbox();
    logger('newsroom').info({ command: 'edition-send', editionId: id, editorId: editor.id, recipients: sent.recipients }, 'edition sent');
    return jsonOk(sent);
  });
}
