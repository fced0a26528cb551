import 'server-only';
import { after } from 'next/server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { logger } from '../log';
import { requireEditor, type SignedIn } from './auth';
import { getNewsroomContext } from './context';
import { BODY_LIMITS, jsonError, jsonOk, MESSAGES } from './http';
import { invalidateTags } from './invalidate';
import { answer, readMutation } from './mutation';
import { createTermPage, deleteTermPage, findTermPage, listTermPages, updateTermPage, type TermList, type TermPage } from './term-pages';
import {
  canEditTermPages,
  isTermKind,
  TERM_CREATE_SCHEMAS,
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
 * the pages' guard and getters, and the three commands, read as every
 * newsroom mutation is (./mutation.ts: the guard, the desk's permission
 * before the body, the sized body, its schema); a save expires the pages
 * that show what changed on every instance and re-renders them, as a
 * publish does.
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
const UNKNOWN_KIND = '編集できるのは特集(トピック)・連載・筆者です。';

const refuse = ({ editor }: SignedIn) => (canEditTermPages(editor.role) ? null : TERM_PAGES_DESK_ONLY);
const invalid = (error: z.ZodError) => toTermInputMessage(error, MESSAGES.badInput);
/** For an unknown kind there is no schema to hold the body to: it is read (within its limit) and the 404 follows the guard and the role. */
const anyBody = z.unknown();

/** After the answer: the pages behind the tags re-rendered here (other instances do it on the announcement). */
async function publish(tags: string[], what: Record<string, unknown>): Promise<void> {
  const { db, settings } = await getNewsroomContext();
  await invalidateTags(db, tags);
  after(() => refreshAfterInvalidation(settings.internalUrl, tags));
  logger('newsroom').info({ ...what, tags }, 'term page changed');
}

/** POST /api/newsroom/terms/[kind]: creates a topic, series or author at the slug given (JSON: the slug and the kind's fields). */
export async function handleTermCreate(request: Request, kindParam: string): Promise<Response> {
  const kind = isTermKind(kindParam) ? kindParam : null;
  const mutation = await readMutation(request, { limit: TERM_PAGE_BODY_LIMIT, schema: kind ? TERM_CREATE_SCHEMAS[kind] : anyBody, refuse, invalid });
  if (!mutation.ok) return mutation.response;
  if (!kind) return jsonError(404, UNKNOWN_KIND);
  const { slug, ...fields } = mutation.input as { slug: string } & TermFields[TermKind];
  const { db } = await getNewsroomContext();
  // A refusal of ./term-pages.ts (TermPageError) carries its 4xx and reason, which `answer` sends as they are.
  return answer(async () => {
    const created = await createTermPage(db, kind, slug, fields);
    await publish(created.invalidate, { command: 'term-create', kind, slug, editorId: mutation.signedIn.editor.id });
    return jsonOk({ kind, slug, path: `/newsroom/terms/${kind}/${slug}` }, { status: 201 });
  });
}

/** PUT /api/newsroom/terms/[kind]/[slug]: saves a term's fields (JSON: the kind's fields; the slug cannot change). */
export async function handleTermSave(request: Request, kindParam: string, slug: string): Promise<Response> {
  const kind = isTermKind(kindParam) ? kindParam : null;
  const mutation = await readMutation(request, { limit: TERM_PAGE_BODY_LIMIT, schema: kind ? TERM_FIELD_SCHEMAS[kind] : anyBody, refuse, invalid });
  if (!mutation.ok) return mutation.response;
  if (!kind) return jsonError(404, UNKNOWN_KIND);
  if (!termSlugSchema.safeParse(slug).success) return jsonError(404, notFound(kind));
  const { db } = await getNewsroomContext();
  return answer(async () => {
    const saved = await updateTermPage(db, kind, slug, mutation.input as TermFields[TermKind]);
    if (!saved) return jsonError(404, notFound(kind));
    await publish(saved.invalidate, { command: 'term-save', kind, slug, editorId: mutation.signedIn.editor.id });
    return jsonOk({ kind, slug, changed: saved.invalidate.length > 0 });
  });
}

/** POST /api/newsroom/terms/[kind]/[slug]/delete: deletes a term no article uses; one in use is refused with the reason. */
export async function handleTermDelete(request: Request, kindParam: string, slug: string): Promise<Response> {
  const mutation = await readMutation(request, { limit: BODY_LIMITS.form, schema: anyBody, refuse, invalid });
  if (!mutation.ok) return mutation.response;
  if (!isTermKind(kindParam)) return jsonError(404, UNKNOWN_KIND);
  const kind = kindParam;
  if (!termSlugSchema.safeParse(slug).success) return jsonError(404, notFound(kind));
  const { db } = await getNewsroomContext();
  return answer(async () => {
    const deleted = await deleteTermPage(db, kind, slug);
    if (!deleted) return jsonError(404, notFound(kind));
    await publish(deleted.invalidate, { command: 'term-delete', kind, slug, editorId: mutation.signedIn.editor.id });
    return jsonOk({ kind, slug, deleted: true });
  });
}
