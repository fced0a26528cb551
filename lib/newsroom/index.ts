import 'server-only';
import { getDb } from '../db';
import { CACHE_TAGS } from '../cache/tags';
import { listPreviewLinks, revokePreviewLink as revokeLink, type ListedPreviewLink, type PreviewLink } from '../preview/links';
import { createArticleId } from '../content/ids';
import type { Article } from '../content/types';
import * as articles from './articles';
import { readDeletionFacts } from './article-commands';
import * as editors from './editors';
import { canPublish } from './roles';
import * as editions from '../newsletter/editions';
import type { EditionListItem } from '../newsletter/edition-rules';
import { getNewsroomContext } from './context';
import { readNewsletterSettings } from '../newsletter/settings';
import * as fixedPages from './fixed-pages';
import * as frontPage from './front-page';
import { emptyDraft, parseDraft, type ArticleDraft } from './draft';
import { invalidateTags, type InvalidateOptions } from './invalidate';
import { createArticlePreviewLink } from './preview-links';
import { toDraftArticle } from './preview-article';
import { toDraftPreview } from './preview-draft';
import type { PicturePage } from './picture-fields';
import * as pictures from './pictures';
import { listPresenceByArticle } from './presence';
import type { PresentEditor } from './presence-rules';
import * as queries from './queries';
import { compareRevisions, type RevisionComparison } from './revision-diff';
import { decideDeleteRefusal } from './roles';
import * as terms from './terms';
import { isTwoFactorRequired } from './policies';
import { drawQrCode } from './qr';
import { formatTotpSecret, toOtpauthUri } from './totp';
import { getTwoFactorState, type TwoFactorSetup } from './two-factor';
import { SITE_NAME } from '../site/config';

/**
 * The one door to the newsroom for its pages and route handlers (and
 * POST /api/revalidate): commands and getters that find the database, the
 * signing key and the settings themselves, so no route ever holds a database
 * handle. proxy.ts has its own narrow door, ./for-proxy.ts. Client leaves
 * import the pure modules they need (labels, draft, upload-rules)
 * directly: this file is server-only.
 */

// Who is signed in, and the guards every page, handler and action passes first.
export { endSession, getSignedInEditor, guardMutation, issueSignInToken, requireAdmin, requireEditor, requireFixedPageEditor, type SignedIn } from './auth';
export { handleChangeRole, handleCreateAccount, handleResetTwoFactor, handleTwoFactorPolicy } from './accounts-http';
export { handleTwoFactorCommand } from './two-factor-http';
export type { EditorAccount } from './editors';
export type { TwoFactorSetup } from './two-factor';
export { loadArticleForEditor } from './editor-page';
export { handleSignIn, handleSignInCode } from './sign-in';
export { toReturnPath } from './return-path';

// The newsroom's JSON answers and the bodies its handlers read.
export { answeringServerFaults, BODY_LIMITS, jsonError, jsonOk, MESSAGES, readForm, readJson, seeOther, toBodyErrorResponse, toErrorResponse } from './http';

// Article commands (save, publish, schedule, …) as the route handlers answer them.
export { handleArticleCommand, handleCreateArticle } from './commands-http';

// Who else has an article open in the editor (docs/adr/0047-presence-and-conflicting-saves.md).
export { handlePresence } from './presence-http';

// The picture library (docs/adr/0046-picture-library.md).
export { handlePictureSearch, handlePictureUpdate, handlePictureUpload } from './pictures-http';
export type { LibraryPicture, PicturePage } from './picture-fields';

// 特集・連載・筆者: topic, series and author pages (docs/adr/0050-topic-series-and-author-pages.md).
export { getTermList, getTermPage, handleTermCreate, handleTermDelete, handleTermSave, requireTermEditor } from './term-pages-http';
export { canEditTermPages, isTermKind, TERM_KIND_LABELS, TERM_KINDS, TERM_PAGES_DESK_ONLY, type TermKind } from './term-pages-rules';
export type { TermList, TermListItem, TermPage } from './term-pages';

// Live pages' commands (速報ライブ, docs/adr/0036-live-coverage.md).
export { handleLiveCommand } from './live-http';

// Newsletter editions (docs/adr/0044-newsletter-editions.md).
export { handleEditionCreate, handleEditionSave, handleEditionSend } from './editions-http';
export { canSendEdition, EDITION_SEND_REFUSAL } from './roles';
export type { Edition, EditionArticle, EditionListItem } from '../newsletter/edition-rules';

// The site's fixed pages (docs/adr/0048-fixed-pages.md).
export { handleFixedPageSave, previewFixedPage, type FixedPagePreviewAnswer } from './fixed-pages-http';
export { FIXED_PAGE_LIMITS, type EditableFixedPage, type FixedPageInput } from './fixed-pages';
export { canEditFixedPages, FIXED_PAGES_REFUSAL } from './roles';

// The desk's front page (docs/adr/0033-front-page.md).
export { handleFrontPageSave } from './front-page-http';
// The magazine desk (ADR 0049): issues with covers and contents, MOOKs and special editions.
export { handleIssueCreate, handleIssueSave, handlePublicationCreate, handlePublicationSave } from './magazine-http';
export { getIssueEditor, getMagazineDesk, getPublicationEditor, MAGAZINE_DENIED_PATH, requireMagazineDesk } from './magazine-desk';
export type { DeskIssue, DeskIssueSummary, DeskPublication } from './magazine';
export { canEditMagazine, MAGAZINE_MESSAGES } from './magazine-rules';
export { canCurateFrontPage, type FrontPageArticle, type FrontPageDesk } from './front-page';
export { isArticleStatus, REVISION_LABELS } from './labels';
export { TWO_FACTOR_DUE, TWO_FACTOR_SETUP_PAGE } from './roles';
export { ADMIN_ONLY, canManageAccounts, canSeeDeleted, decideCommandRefusal, isRole, listAllowedCommands, ROLE_LABELS, ROLES, type Role } from './roles';
export { previewDraft, type DraftPreviewAnswer } from './preview-draft';
export { newTermSchema, TermError, type CreatedTerm, type NewTerm } from './terms';
export { MAX_UPLOAD_BYTES, UploadError } from './upload-rules';
export { DEFAULT_LINK_HOURS, LINK_HOURS_CHOICES, type ListedPreviewLink, type PreviewLink } from '../preview/links';
export type { NewsroomArticle } from './articles';
export type { NewsroomListFilter, NewsroomListItem, RevisionListItem, StoredRevision, TaxonomyOptions } from './queries';
export type { DiffPiece, DiffRow, FieldComparison, RevisionComparison } from './revision-diff';
export type { PresentEditor } from './presence-rules';

/**
 * What the editor of a new, unsaved article starts from (ADR 0041): an id of
 * its own, chosen now so the live preview and the first save name the same
 * article, and an empty draft in the first section. Nothing is stored.
 */
export async function getNewArticle(): Promise<{ id: string; draft: ArticleDraft }> {
  const { db } = await getNewsroomContext();
  const section = await db.selectFrom('sections').select('slug').orderBy('position').limit(1).executeTakeFirst();
  return { id: createArticleId(), draft: emptyDraft(section?.slug ?? '') };
}

/** Whether `editor` may delete the article now (the editor's 削除 button; the command checks again, ADR 0041). */
export async function canDeleteArticle(articleId: string, editor: Pick<editors.Editor, 'id' | 'role'>): Promise<boolean> {
  const { db } = await getNewsroomContext();
  const facts = await readDeletionFacts(db, articleId, editor.id);
  return facts !== null && decideDeleteRefusal(editor.role, facts) === null;
}

/** One revision as readers would have seen it: its content through the public components' shaping, or null when it cannot be read. */
export type RevisionView = { revision: queries.StoredRevision; article: Article | null };

/**
 * Revision `number` of an article, shaped for the reader's page (ADR 0041):
 * the times readers saw then, and only the 訂正 notices published by then.
 * Null when the article has no such revision.
 */
export async function getRevisionView(article: Pick<articles.NewsroomArticle, 'id' | 'publishedAt'>, number: number): Promise<RevisionView | null> {
  const { db } = await getNewsroomContext();
  const [revision] = await queries.findRevisions(db, article.id, [number]);
  if (!revision) return null;
  const parsed = parseDraft(revision.snapshot);
  if (!parsed.ok) return { revision, article: null };
  const at = revision.createdAt;
  const publishedAt = article.publishedAt && article.publishedAt <= at ? article.publishedAt : at;
  const shaped = await toDraftArticle(db, article.id, parsed.draft, { publishedAt, updatedAt: at });
  return { revision, article: { ...shaped, corrections: shaped.corrections.filter((c) => c.publishedAt <= at) } };
}

/** Revisions `from` and `to` of an article compared (./revision-diff.ts), older first; null when either is missing. */
export async function getRevisionComparison(
  articleId: string,
  from: number,
  to: number,
): Promise<{ from: queries.StoredRevision; to: queries.StoredRevision; comparison: RevisionComparison } | null> {
  const { db } = await getNewsroomContext();
  const [older, newer] = await queries.findRevisions(db, articleId, from <= to ? [from, to] : [to, from]);
  if (!older || !newer) return null;
  return { from: older, to: newer, comparison: compareRevisions(older.snapshot, newer.snapshot) };
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

/**
 * The article list of the newsroom's front page, the count in each status,
 * and the sections and accounts to filter by. `deletedCount` only when
 * `withDeleted` (a 管理者's list, ADR 0041): the page decides who asks.
 */
export async function getArticleList(filter: queries.NewsroomListFilter, { withDeleted = false, viewerId }: { withDeleted?: boolean; viewerId: string }) {
  const { db } = await getNewsroomContext();
  const [list, counts, options, accounts, deletedCount] = await Promise.all([
    queries.listNewsroomArticles(db, { ...filter, deleted: withDeleted && filter.deleted }),
    queries.countByStatus(db),
    queries.listTaxonomyOptions(db),
    editors.listEditors(db),
    withDeleted ? queries.countDeleted(db) : null,
  ]);
  // Who else has each listed article open in the editor (ADR 0047): one indexed read for the page's ids.
  const present = await listPresenceByArticle(db, list.items.map((a) => a.id), viewerId);
  const openBy: Record<string, PresentEditor[]> = {};
  for (const [id, who] of present) {
    const others = who.filter((p) => !p.self);
    if (others.length > 0) openBy[id] = others;
  }
  return { list, counts, options, editors: accounts.map(({ login, name }) => ({ login, name })), deletedCount, openBy };
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

/** The fixed pages as the newsroom lists them: each one's title, version, and who saved it when. */
export async function getEditableFixedPages(): Promise<fixedPages.EditableFixedPage[]> {
  const { db } = await getNewsroomContext();
  return fixedPages.listEditableFixedPages(db);
}

/** One fixed page for its editor; null for any other slug. */
export async function getEditableFixedPage(slug: string): Promise<fixedPages.EditableFixedPage | null> {
  const { db } = await getNewsroomContext();
  return fixedPages.findEditableFixedPage(db, slug);
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

/** What `editor`'s own account page shows of their two-factor sign-in (ADR 0043). */
export async function getTwoFactorSetup(editor: editors.Editor): Promise<TwoFactorSetup> {
  const { db } = await getNewsroomContext();
  const [state, required] = await Promise.all([getTwoFactorState(db, editor.id), isTwoFactorRequired(db)]);
  const pending = state.pendingSecret
    ? { secret: formatTotpSecret(state.pendingSecret), qr: drawQrCode(toOtpauthUri({ secret: state.pendingSecret, account: editor.login, issuer: SITE_NAME })) }
    : null;
  return { on: state.on, enabledAt: state.enabledAt, recoveryCodesLeft: state.recoveryCodesLeft, required: required && canPublish(editor.role), pending };
}

/** Whether 管理者 require two-factor sign-in of roles that publish, for the accounts page. */
export async function getTwoFactorRequired(): Promise<boolean> {
  const { db } = await getNewsroomContext();
  return isTwoFactorRequired(db);
}

/** The newsletter's editions, newest first, with how their mail is doing. */
export async function getEditionList(): Promise<{ editions: EditionListItem[]; confirmedSubscribers: number }> {
  const { db } = await getNewsroomContext();
  const [list, confirmedSubscribers] = await Promise.all([editions.listEditions(db), editions.countConfirmedSubscribers(db)]);
  return { editions: list, confirmedSubscribers };
}

/**
 * The edition editor's data: the edition (null for a new one; undefined
 * when the id names none), the recent public articles to pick from, and
 * how many confirmed subscribers a send would reach now.
 */
export async function getEditionDesk(id: string | null) {
  const { db } = await getNewsroomContext();
  const [edition, candidates, confirmedSubscribers] = await Promise.all([
    id === null ? null : editions.getEdition(db, id).then((e) => e ?? undefined),
    editions.listEditionCandidates(db),
    editions.countConfirmedSubscribers(db),
  ]);
  return { edition, candidates, confirmedSubscribers };
}

/** An edition and its mail exactly as sent (HTML, text, headers), but for the per-subscriber 配信停止 links; null for no such edition. */
export async function getEditionMailPreview(id: string) {
  const { db, siteUrl } = await getNewsroomContext();
  const edition = await editions.getEdition(db, id);
  return edition ? { edition, mail: editions.previewEditionMail(edition, siteUrl), mailFrom: readNewsletterSettings().mailFrom } : null;
}
