import 'server-only';
import { getDb } from '../db';
import { CACHE_TAGS } from '../cache/tags';
import { listPreviewLinks, revokePreviewLink as revokeLink, type ListedPreviewLink, type PreviewLink } from '../preview/links';
import type { Article } from '../content/types';
import { makeLiveArticle } from '../live/commands';
import * as articles from './articles';
import * as editors from './editors';
import { getNewsroomContext } from './context';
import * as frontPage from './front-page';
import type { ArticleDraft } from './draft';
import { invalidateTags, type InvalidateOptions } from './invalidate';
import { createArticlePreviewLink } from './preview-links';
import { toDraftPreview } from './preview-draft';
import type { PicturePage } from './picture-fields';
import * as pictures from './pictures';
import * as queries from './queries';
import * as terms from './terms';

/**
 * The one door to the newsroom for its pages and route handlers (and
 * POST /api/revalidate): commands and getters that find the database, the
 * signing key and the settings themselves, so no route ever holds a database
 * handle. proxy.ts has its own narrow door, ./for-proxy.ts. Client leaves
 * import the pure modules they need (labels, draft, upload-rules)
 * directly: this file is server-only.
 */

// Who is signed in, and the guards every page, handler and action passes first.
export { endSession, getSignedInEditor, guardMutation, issueSignInToken, requireAdmin, requireEditor, type SignedIn } from './auth';
export { handleChangeRole, handleCreateAccount } from './accounts-http';
export type { EditorAccount } from './editors';
export { loadArticleForEditor } from './editor-page';
export { handleSignIn } from './sign-in';
export { toReturnPath } from './return-path';

// The newsroom's JSON answers and the bodies its handlers read.
export { answeringServerFaults, BODY_LIMITS, jsonError, jsonOk, MESSAGES, readForm, readJson, seeOther, toBodyErrorResponse, toErrorResponse } from './http';

// Article commands (save, publish, schedule, …) as the route handlers answer them.
export { handleArticleCommand } from './commands-http';

// The picture library (docs/adr/0046-picture-library.md).
export { handlePictureSearch, handlePictureUpdate, handlePictureUpload } from './pictures-http';
export type { LibraryPicture, PicturePage } from './picture-fields';

// Live pages' commands (速報ライブ, docs/adr/0036-live-coverage.md).
export { handleLiveCommand } from './live-http';

// The desk's front page (docs/adr/0033-front-page.md).
export { handleFrontPageSave } from './front-page-http';
export { canCurateFrontPage, type FrontPageArticle, type FrontPageDesk } from './front-page';
export { isArticleStatus } from './labels';
export { ADMIN_ONLY, canManageAccounts, decideCommandRefusal, isRole, listAllowedCommands, ROLE_LABELS, ROLES, type Role } from './roles';
export { previewDraft, type DraftPreviewAnswer } from './preview-draft';
export { newTermSchema, TermError, type CreatedTerm, type NewTerm } from './terms';
export { MAX_UPLOAD_BYTES, UploadError } from './upload-rules';
export { DEFAULT_LINK_HOURS, LINK_HOURS_CHOICES, type ListedPreviewLink, type PreviewLink } from '../preview/links';
export type { NewsroomArticle } from './articles';
export type { NewsroomListFilter, NewsroomListItem, RevisionListItem, TaxonomyOptions } from './queries';

/** Creates an empty draft by `editorId`, an ordinary article or a live page (ADR 0036); its id. */
export async function createArticle(editorId: string, kind: 'article' | 'live' = 'article'): Promise<string> {
  const { db } = await getNewsroomContext();
  const id = await articles.createArticle(db, editorId);
  if (kind === 'live') await makeLiveArticle(db, id);
  return id;
}

/** A page of the picture library, newest first, narrowed by a search of caption, credit and alt text (./pictures.ts). */
export async function getPictureLibrary(query: string, page: number): Promise<PicturePage> {
  const { db } = await getNewsroomContext();
  return pictures.listPictures(db, { query, page });
}

/**
 * Creates a topic or tag (throws TermError for a name or slug in use), then
 * expires its page's tag: someone may have asked for that slug before it
 * existed, and the 404 they got was cached.
 */
export async function createTerm(input: terms.NewTerm): Promise<terms.CreatedTerm> {
  const { db } = await getNewsroomContext();
  const term = await terms.createTerm(db, input);
  await invalidateTags(db, [input.kind === 'topic' ? CACHE_TAGS.topic(term.slug) : CACHE_TAGS.tag(term.slug)]);
  return term;
}

/**
 * Expires the pages behind these cache tags on every instance, for
 * POST /api/revalidate (./invalidate.ts). Needs no signing key: only the
 * database, where the invalidation is recorded for the other instances.
 */
export async function revalidateTags(tags: readonly string[], options: InvalidateOptions): Promise<void> {
  await invalidateTags(await getDb(), tags, new Date(), options);
}

/** The article list of the newsroom's front page, the count in each status, and the sections and accounts to filter by. */
export async function getArticleList(filter: queries.NewsroomListFilter) {
  const { db } = await getNewsroomContext();
  const [list, counts, options, accounts] = await Promise.all([
    queries.listNewsroomArticles(db, filter),
    queries.countByStatus(db),
    queries.listTaxonomyOptions(db),
    editors.listEditors(db),
  ]);
  return { list, counts, options, editors: accounts.map(({ login, name }) => ({ login, name })) };
}

/** The sections, topics, tags, series and agencies an editor can choose from. */
export async function getTaxonomyOptions(): Promise<queries.TaxonomyOptions> {
  const { db } = await getNewsroomContext();
  return queries.listTaxonomyOptions(db);
}

/** The front page as the desk sees it: the pins, the home page readers get now, and the recent public articles to pick from. */
export async function getFrontPageDesk(): Promise<frontPage.FrontPageDesk> {
  const { db } = await getNewsroomContext();
  return frontPage.getFrontPageDesk(db);
}

/** Every newsroom account with its role, for the 管理者's accounts page. */
export async function getEditorAccounts(): Promise<editors.EditorAccount[]> {
  const { db } = await getNewsroomContext();
  return editors.listEditors(db);
}

/** The desk's note when it last sent the article back to draft, or null (lib/newsroom/queries.ts). */
export async function getReturnNote(articleId: string): Promise<{ note: string; by: string | null; at: string } | null> {
  const { db } = await getNewsroomContext();
  return queries.findReturnNote(db, articleId);
}

/** An article's saved versions, newest first. */
export async function getRevisions(articleId: string): Promise<queries.RevisionListItem[]> {
  const { db } = await getNewsroomContext();
  return queries.listRevisions(db, articleId);
}

/** A form's content as the public components will show it, for the editor's side-by-side preview (./preview-draft.ts). */
export async function getDraftPreview(article: Pick<articles.NewsroomArticle, 'id' | 'status' | 'publishedAt'>, draft: ArticleDraft): Promise<Article> {
  const { db } = await getNewsroomContext();
  return toDraftPreview(db, article, draft);
}

/** An article's shareable preview links, newest first, each with its status now. */
export async function getPreviewLinks(articleId: string): Promise<ListedPreviewLink[]> {
  const { db, secret } = await getNewsroomContext();
  return listPreviewLinks(db, secret, articleId);
}

/** A preview link to `articleId` that works for `hours` hours; null when there is no such article. */
export async function createPreviewLink(input: { articleId: string; editorId: string; hours: number }): Promise<PreviewLink | null> {
  const { db, secret } = await getNewsroomContext();
  return createArticlePreviewLink(db, secret, input);
}

/** Revokes a link of `articleId`: it stops working at the holder's next page load. False when there is no such live link. */
export async function revokePreviewLink(articleId: string, linkId: string): Promise<boolean> {
  const { db } = await getNewsroomContext();
  return revokeLink(db, articleId, linkId);
}
