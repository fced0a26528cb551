import 'server-only';
import { after } from 'next/server';
import { z } from 'zod';
import { logger } from '../log';
import { isFixedPageSlug } from '../site/pages';
import { guardAction } from './auth';
import { getNewsroomContext } from './context';
import { checkFixedPageInput, FixedPageError, FIXED_PAGE_LIMITS, FIXED_PAGE_NOT_FOUND, saveFixedPage, type FixedPageInput } from './fixed-pages';
import { BODY_LIMITS, jsonOk, MESSAGES, toErrorResponse } from './http';
import { readMutation } from './mutation';
import { invalidateTags } from './invalidate';
import { canEditFixedPages, FIXED_PAGES_REFUSAL } from './roles';
import { refreshAfterInvalidation } from './warm';

/**
 * The HTTP side of the fixed pages (docs/adr/0048-fixed-pages.md): PUT
 * /api/newsroom/pages/{slug} and the editor's live preview. The same guard
 * as every newsroom mutation (same origin, session, CSRF token), then the
 * role (デスク, 管理者) and the slug, both before the body is read; a save is
 * invalidated and re-rendered as a publish is, on every instance. Every
 * refusal is a 4xx with a Japanese message, and the editor keeps what was
 * typed (a conflict hands back the other editor's page to compare).
 */

// Strings are bounded by the body's size; their lengths in 字 are checkFixedPageInput's, with its own messages.
const saveBody = z.object({
  title: z.string(),
  description: z.string(),
  body: z.string(),
  baseVersion: z.number().int().min(1).max(1_000_000_000),
});

const TOO_LARGE = `送信内容が大きすぎます。本文は記号を含めて${FIXED_PAGE_LIMITS.body.toLocaleString('ja-JP')}字以内にしてください(入力した内容はこの画面に残っています)。`;

/** PUT /api/newsroom/pages/{slug}: saves a fixed page over the version the editor loaded; answers `{ version, updatedAt, updatedBy }`. */
export async function handleFixedPageSave(request: Request, slug: string): Promise<Response> {
  const read = await readMutation(request, {
    limit: BODY_LIMITS.fixedPage,
    schema: saveBody,
    refuse: ({ editor }) => {
      if (canEditFixedPages(editor)) return null;
      logger('newsroom').warn({ command: 'fixed-page-save', slug: slug.slice(0, 32), editorId: editor.id, role: editor.role }, 'fixed page save refused by role');
      return FIXED_PAGES_REFUSAL;
    },
    unknown: () => (isFixedPageSlug(slug) ? null : FIXED_PAGE_NOT_FOUND),
    tooLarge: TOO_LARGE,
    invalid: () => MESSAGES.badInput,
  });
  if (!read.ok) return read.response;
  const { editor } = read.signedIn;
  const { db, settings } = await getNewsroomContext();
  try {
    const { page, invalidate } = await saveFixedPage(db, { ...read.input, slug, editorId: editor.id });
    await invalidateTags(db, invalidate);
    // After the editor has the answer: render the page again, as a publish does.
    after(() => refreshAfterInvalidation(settings.internalUrl, invalidate));
    logger('newsroom').info({ command: 'fixed-page-save', slug, version: page.version, editorId: editor.id, tags: invalidate }, 'fixed page saved');
    return jsonOk({ version: page.version, updatedAt: page.updatedAt, updatedBy: page.updatedBy });
  } catch (error) {
    if (error instanceof FixedPageError && error.status === 409 && error.current) {
      const { title, description, body: text, version, updatedAt, updatedBy } = error.current;
      return Response.json({ error: error.message, current: { title, description, body: text, version, updatedAt, updatedBy } }, { status: 409, headers: { 'Cache-Control': 'private, no-store' } });
    }
    return toErrorResponse(error);
  }
}

/** The editor's unsaved page for the live preview, with what a save would refuse in it. */
export type FixedPagePreviewAnswer = { ok: true; input: FixedPageInput; problems: string[] } | { ok: false; error: string };

function readPreviewInput(input: unknown): FixedPageInput | null {
  if (typeof input !== 'object' || input === null) return null;
  const { title, description, body } = input as Record<string, unknown>;
  if (typeof title !== 'string' || typeof description !== 'string' || typeof body !== 'string') return null;
  // Past the save's limits the preview has nothing useful to show, and the parse must stay cheap.
  return { title: title.slice(0, 1_000), description: description.slice(0, 2_000), body: body.slice(0, FIXED_PAGE_LIMITS.body * 2) };
}

/**
 * The live preview's Server Action input, checked: read-only, but behind
 * the same origin, session, CSRF and role checks as the save (it shows
 * wording readers have not seen).
 */
export async function previewFixedPage(csrfToken: unknown, slug: unknown, input: unknown): Promise<FixedPagePreviewAnswer> {
  try {
    const signedIn = await guardAction(csrfToken);
    if (!canEditFixedPages(signedIn.editor)) return { ok: false, error: FIXED_PAGES_REFUSAL };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : 'プレビューできません。' };
  }
  if (!isFixedPageSlug(slug)) return { ok: false, error: FIXED_PAGE_NOT_FOUND };
  const page = readPreviewInput(input);
  if (!page) return { ok: false, error: 'プレビューできません。' };
  return { ok: true, input: page, problems: checkFixedPageInput(page) };
}
