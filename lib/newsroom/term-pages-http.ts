import 'server-only';
import { after } from 'next/server';
import { redirect } from 'next/navigation';
import { logger } from '../log';
import { guardMutation, requireEditor, type SignedIn } from './auth';
import { getNewsroomContext } from './context';
import { jsonError, jsonOk, MESSAGES, readJson, toErrorResponse } from './http';
import { invalidateTags } from './invalidate';
import { createTermPage, deleteTermPage, findTermPage, listTermPages, TermPageError, updateTermPage, type TermList, type TermPage } from './term-pages';
import {
  canEditTermPages,
  isTermKind,
  SLUG_FIXED,
  TERM_FIELD_SCHEMAS,
  TERM_KIND_LABELS,
  TERM_PAGE_BODY_LIMIT,
  TERM_PAGES_DESK_ONLY,
  termSlugSchema,
  toTermInputMessage,
  type TermFields,
  type TermKind,
} from './term-pages-rules';
import { refreshAfterInvalidation } from './warm';

/**
 * The HTTP side of 特集・連載・筆者 (docs/adr/0050-topic-series-and-author-pages.md):
 * the pages' guard and getters, and the three commands behind the same
 * guard as every newsroom mutation (same origin, session, CSRF token), then
 * the desk's permission, then the input; a save expires the pages that show
 * what changed on every instance and re-renders them, as a publish does.
 */

/** For the pages: the signed-in デスク or 管理者; a 記者 is sent to the article list, which says why. */
export async function requireTermEditor(returnTo: string): Promise<SignedIn> {
  const signedIn = await requireEditor(returnTo);
  if (!canEditTermPages(signedIn.editor.role)) redirect('/newsroom?denied=terms');
  return signedIn;
}

/** A page of one kind's list, with the counts for the tabs (./term-pages.ts). */
export async function getTermList(kind: TermKind, query: string, page: number): Promise<TermList> {
  const { db } = await getNewsroomContext();
  return listTermPages(db, kind, { query, page });
}

/** One term for its edit page; null for a slug the kind has not. */
export async function getTermPage(kind: TermKind, slug: string): Promise<TermPage | null> {
  if (!termSlugSchema.safeParse(slug).success) return null;
  const { db } = await getNewsroomContext();
  return findTermPage(db, kind, slug);
}

const notFound = (kind: TermKind) => `その${TERM_KIND_LABELS[kind].noun}は見つかりません。削除されたか、URLが違います。一覧を読み込み直してください。`;

/** The guard, the role and the kind, in that order: what every command checks before reading its body. */
async function admit(request: Request, kindParam: string): Promise<{ signedIn: SignedIn; kind: TermKind } | Response> {
  const guard = await guardMutation(request);
  if (guard instanceof Response) return guard;
  if (!canEditTermPages(guard.editor.role)) return jsonError(403, TERM_PAGES_DESK_ONLY);
  if (!isTermKind(kindParam)) return jsonError(404, '編集できるのは特集(トピック)・連載・筆者です。');
  return { signedIn: guard, kind: kindParam };
}

async function readFields(request: Request, kind: TermKind, withSlug: boolean): Promise<{ fields: TermFields[TermKind]; slug?: string } | Response> {
  const body = await readJson(request, TERM_PAGE_BODY_LIMIT);
  if (!body.ok) return body.response;
  if (typeof body.json !== 'object' || body.json === null || Array.isArray(body.json)) return jsonError(400, MESSAGES.badInput);
  const { slug, ...rest } = body.json as Record<string, unknown>;
  let parsedSlug: string | undefined;
  if (withSlug) {
    const s = termSlugSchema.safeParse(slug ?? '');
    if (!s.success) return jsonError(400, toTermInputMessage(s.error, MESSAGES.badInput));
    parsedSlug = s.data;
  } else if (slug !== undefined) {
    return jsonError(400, SLUG_FIXED);
  }
  const parsed = TERM_FIELD_SCHEMAS[kind].safeParse(rest);
  if (!parsed.success) return jsonError(400, toTermInputMessage(parsed.error, MESSAGES.badInput));
  return { fields: parsed.data, slug: parsedSlug };
}

/** After the answer: the pages behind the tags re-rendered here (other instances do it on the announcement). */
async function publish(tags: string[], what: Record<string, unknown>): Promise<void> {
  const { db, settings } = await getNewsroomContext();
  await invalidateTags(db, tags);
  after(() => refreshAfterInvalidation(settings.internalUrl, tags));
  logger('newsroom').info({ ...what, tags }, 'term page changed');
}

function answerError(error: unknown): Response {
  if (error instanceof TermPageError) return jsonError(error.status, error.message);
  return toErrorResponse(error);
}

/** POST /api/newsroom/terms/[kind]: creates a topic, series or author at the slug given (JSON: the slug and the kind's fields). */
export async function handleTermCreate(request: Request, kindParam: string): Promise<Response> {
  const admitted = await admit(request, kindParam);
  if (admitted instanceof Response) return admitted;
  const { kind, signedIn } = admitted;
  const input = await readFields(request, kind, true);
  if (input instanceof Response) return input;
  const { db } = await getNewsroomContext();
  try {
    const slug = input.slug!;
    const { invalidate } = await createTermPage(db, kind, slug, input.fields);
    await publish(invalidate, { command: 'term-create', kind, slug, editorId: signedIn.editor.id });
    return jsonOk({ kind, slug, path: `/newsroom/terms/${kind}/${slug}` }, { status: 201 });
  } catch (error) {
    return answerError(error);
  }
}

/** PUT /api/newsroom/terms/[kind]/[slug]: saves a term's fields (JSON: the kind's fields; the slug cannot change). */
export async function handleTermSave(request: Request, kindParam: string, slug: string): Promise<Response> {
  const admitted = await admit(request, kindParam);
  if (admitted instanceof Response) return admitted;
  const { kind, signedIn } = admitted;
  const input = await readFields(request, kind, false);
  if (input instanceof Response) return input;
  if (!termSlugSchema.safeParse(slug).success) return jsonError(404, notFound(kind));
  const { db } = await getNewsroomContext();
  try {
    const saved = await updateTermPage(db, kind, slug, input.fields);
    if (!saved) return jsonError(404, notFound(kind));
    await publish(saved.invalidate, { command: 'term-save', kind, slug, editorId: signedIn.editor.id });
    return jsonOk({ kind, slug, changed: saved.invalidate.length > 0 });
  } catch (error) {
    return answerError(error);
  }
}

/** POST /api/newsroom/terms/[kind]/[slug]/delete: deletes a term no article uses; one in use is refused with the reason. */
export async function handleTermDelete(request: Request, kindParam: string, slug: string): Promise<Response> {
  const admitted = await admit(request, kindParam);
  if (admitted instanceof Response) return admitted;
  const { kind, signedIn } = admitted;
  if (!termSlugSchema.safeParse(slug).success) return jsonError(404, notFound(kind));
  const { db } = await getNewsroomContext();
  try {
    const deleted = await deleteTermPage(db, kind, slug);
    if (!deleted) return jsonError(404, notFound(kind));
    await publish(deleted.invalidate, { command: 'term-delete', kind, slug, editorId: signedIn.editor.id });
    return jsonOk({ kind, slug, deleted: true });
  } catch (error) {
    return answerError(error);
  }
}
