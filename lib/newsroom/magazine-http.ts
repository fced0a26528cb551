import 'server-only';
import { after } from 'next/server';
import type { z } from 'zod';
import { logger } from '../log';
import type { SignedIn } from './auth';
import { getNewsroomContext } from './context';
import { BODY_LIMITS, jsonError, jsonOk } from './http';
import { invalidateTags } from './invalidate';
import { createMagazineItem, ISSUES, PUBLICATIONS, saveMagazineItem, type MagazineInput, type MagazineKind, type MagazineSaved, type MagazineTable } from './magazine';
import { canEditMagazine, MAGAZINE_MESSAGES, MagazineError } from './magazine-rules';
import { answer, readMutation } from './mutation';
import { refreshAfterInvalidation } from './warm';

/**
 * The HTTP side of the magazine desk (docs/adr/0049-magazine-desk.md):
 * POST /api/newsroom/magazine/issues, PUT …/issues/{slug}, POST
 * /api/newsroom/magazine/publications, PUT …/publications/{slug}, each read
 * as every newsroom mutation is (./mutation.ts: the guard, then a 記者
 * refused before the body is read, the sized body, its schema). A refusal
 * is a 4xx with the reason in Japanese and the field it concerns
 * (`{ error, field }`), and the form keeps what was typed; a save reaches
 * readers as a publish does: its tags invalidated on every instance, the
 * pages behind them re-rendered after the answer.
 */

type NewsroomDb = Awaited<ReturnType<typeof getNewsroomContext>>['db'];

function refuse(command: string) {
  return ({ editor }: SignedIn): string | null => {
    if (canEditMagazine(editor.role)) return null;
    logger('newsroom').warn({ command, editorId: editor.id, role: editor.role }, 'magazine edit refused by role');
    return MAGAZINE_MESSAGES.notADesk;
  };
}

async function run<I>(
  request: Request,
  schema: z.ZodType<I>,
  command: string,
  save: (db: NewsroomDb, input: I, editorId: string) => Promise<MagazineSaved>,
  status: 200 | 201,
): Promise<Response> {
  // Its schema's words are English: a refused body is the general 入力内容を確認してください。
  const mutation = await readMutation(request, { limit: BODY_LIMITS.magazine, schema, refuse: refuse(command) });
  if (!mutation.ok) return mutation.response;
  const { editor } = mutation.signedIn;
  return answer(async () => {
    const { db, settings } = await getNewsroomContext();
    let saved: MagazineSaved;
    try {
      saved = await save(db, mutation.input, editor.id);
    } catch (error) {
      // The field beside the reason, for the form to mark and focus.
      if (error instanceof MagazineError) return jsonError(error.status, error.message, {}, { field: error.field });
      throw error;
    }
    await invalidateTags(db, saved.invalidate);
    // After the desk has its answer: render the pages again, as after a publish.
    if (saved.invalidate.length > 0) after(() => refreshAfterInvalidation(settings.internalUrl, saved.invalidate));
    logger('newsroom').info({ command, slug: saved.slug, revision: saved.revision, editorId: editor.id, tags: saved.invalidate }, 'magazine saved');
    return jsonOk({ slug: saved.slug, revision: saved.revision }, { status });
  });
}

function create<T extends MagazineTable, I extends MagazineInput, F>(request: Request, kind: MagazineKind<T, I, F>): Promise<Response> {
  return run(request, kind.schemas.create, `${kind.name}-create`, (db, input, editorId) => createMagazineItem(db, kind, { ...input, editorId }), 201);
}

function save<T extends MagazineTable, I extends MagazineInput, F>(request: Request, kind: MagazineKind<T, I, F>, slug: string): Promise<Response> {
  // An unknown or malformed slug is the command's 404, after the guard: an outsider learns nothing of which items exist.
  return run(request, kind.schemas.save, `${kind.name}-save`, (db, input, editorId) => saveMagazineItem(db, kind, slug, { ...input, editorId }), 200);
}

/** POST /api/newsroom/magazine/issues: a new issue; answers `{ slug, revision }` (201). */
export function handleIssueCreate(request: Request): Promise<Response> {
  return create(request, ISSUES);
}

/** PUT /api/newsroom/magazine/issues/{slug}: saves over the revision the form was loaded with; answers `{ slug, revision }` (the slug moves with an unsold issue's date). */
export function handleIssueSave(request: Request, slug: string): Promise<Response> {
  return save(request, ISSUES, slug);
}

/** POST /api/newsroom/magazine/publications: a new MOOK or special edition; answers `{ slug, revision }` (201). */
export function handlePublicationCreate(request: Request): Promise<Response> {
  return create(request, PUBLICATIONS);
}

/** PUT /api/newsroom/magazine/publications/{slug}: saves over the revision the form was loaded with. */
export function handlePublicationSave(request: Request, slug: string): Promise<Response> {
  return save(request, PUBLICATIONS, slug);
}
