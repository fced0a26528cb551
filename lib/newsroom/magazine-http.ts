import 'server-only';
import { after } from 'next/server';
import type { z } from 'zod';
import { CACHE_CONTROL } from '../cache/control';
import { logger } from '../log';
import { guardMutation } from './auth';
import { getNewsroomContext } from './context';
import { BODY_LIMITS, jsonError, jsonOk, MESSAGES, readJson, toErrorResponse } from './http';
import { invalidateTags } from './invalidate';
import {
  createIssue,
  createPublication,
  issueBodySchema,
  issueSaveSchema,
  publicationBodySchema,
  publicationSaveSchema,
  saveIssue,
  savePublication,
} from './magazine';
import { canEditMagazine, MAGAZINE_MESSAGES, MagazineError } from './magazine-rules';
import { refreshAfterInvalidation } from './warm';

/**
 * The HTTP side of the magazine desk (docs/adr/0049-magazine-desk.md):
 * POST /api/newsroom/magazine/issues, PUT …/issues/{slug}, POST
 * /api/newsroom/magazine/publications, PUT …/publications/{slug}. The same
 * guard as every newsroom mutation (same origin, session, CSRF token); a
 * 記者 is refused before the body is read. A refusal is a 4xx with the
 * reason in Japanese and the field it concerns (`{ error, field }`), and
 * the form keeps what was typed; a save reaches readers as a publish does:
 * its tags invalidated on every instance, the pages behind them re-rendered
 * after the answer.
 */

type Saved = { slug: string; revision: number; invalidate: string[] };

async function run<S extends z.ZodType>(
  request: Request,
  schema: S,
  command: string,
  save: (input: z.infer<S>, editorId: string) => Promise<Saved>,
  status: 200 | 201,
): Promise<Response> {
  const guard = await guardMutation(request);
  if (guard instanceof Response) return guard;
  if (!canEditMagazine(guard.editor.role)) {
    logger('newsroom').warn({ command, editorId: guard.editor.id, role: guard.editor.role }, 'magazine edit refused by role');
    return jsonError(403, MAGAZINE_MESSAGES.notADesk);
  }
  const body = await readJson(request, BODY_LIMITS.magazine);
  if (!body.ok) return body.response;
  const parsed = schema.safeParse(body.json);
  if (!parsed.success) return jsonError(400, MESSAGES.badInput);
  try {
    const { db, settings } = await getNewsroomContext();
    const saved = await save(parsed.data, guard.editor.id);
    await invalidateTags(db, saved.invalidate);
    // After the desk has its answer: render the pages again, as after a publish.
    if (saved.invalidate.length > 0) after(() => refreshAfterInvalidation(settings.internalUrl, saved.invalidate));
    logger('newsroom').info({ command, slug: saved.slug, revision: saved.revision, editorId: guard.editor.id, tags: saved.invalidate }, 'magazine saved');
    return jsonOk({ slug: saved.slug, revision: saved.revision }, { status });
  } catch (error) {
    if (error instanceof MagazineError) {
      return Response.json({ error: error.message, field: error.field }, { status: error.status, headers: { 'Cache-Control': CACHE_CONTROL.personal } });
    }
    return toErrorResponse(error);
  }
}

/** POST /api/newsroom/magazine/issues: a new issue; answers `{ slug, revision }` (201). */
export function handleIssueCreate(request: Request): Promise<Response> {
  return run(request, issueBodySchema, 'issue-create', async (input, editorId) => createIssue((await getNewsroomContext()).db, { ...input, editorId }), 201);
}

/** PUT /api/newsroom/magazine/issues/{slug}: saves over the revision the form was loaded with; answers `{ slug, revision }` (the slug moves with an unsold issue's date). */
export function handleIssueSave(request: Request, slug: string): Promise<Response> {
  // An unknown or malformed slug is the command's 404, after the guard: an outsider learns nothing of which issues exist.
  return run(request, issueSaveSchema, 'issue-save', async (input, editorId) => saveIssue((await getNewsroomContext()).db, slug, { ...input, editorId }), 200);
}

/** POST /api/newsroom/magazine/publications: a new MOOK or special edition; answers `{ slug, revision }` (201). */
export function handlePublicationCreate(request: Request): Promise<Response> {
  return run(request, publicationBodySchema, 'publication-create', async (input, editorId) => createPublication((await getNewsroomContext()).db, { ...input, editorId }), 201);
}

/** PUT /api/newsroom/magazine/publications/{slug}: saves over the revision the form was loaded with. */
export function handlePublicationSave(request: Request, slug: string): Promise<Response> {
  return run(request, publicationSaveSchema, 'publication-save', async (input, editorId) => savePublication((await getNewsroomContext()).db, slug, { ...input, editorId }), 200);
}
