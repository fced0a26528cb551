import 'server-only';
import type { Kysely } from 'kysely';
import type { Article } from '../content/types';
import { isArticleId } from '../content/ids';
import type { Database } from '../db/schema';
import { loadNewsroomArticle, type NewsroomArticle } from './articles';
import { guardAction } from './auth';
import { getNewsroomContext } from './context';
import { checkCorrectionNotice, REPUBLISH_KINDS, type RepublishKind } from './corrections';
import { parseDraft, type ArticleDraft } from './draft';
import { toDraftArticle } from './preview-article';

/**
 * The editor's side-by-side preview as data: the form's content as the
 * Article the public components take. The route renders it
 * (components/newsroom/draft-preview.tsx); lib/ stays below components/.
 */

/** The republish the editor has chosen for a live article (ADR 0034), so its preview shows what readers will get. */
export type RepublishPreview = { kind: RepublishKind; notice: string } | null;

/**
 * A form's content shaped for the preview. Times are what readers would see
 * if the editor pressed the button now: the scheduled or first publication
 * time, and for a live article an 更新 or 訂正 made now (a 軽微な修正
 * keeps its updated time), with a 訂正's notice as it would be published.
 */
export async function toDraftPreview(
  db: Kysely<Database>,
  article: Pick<NewsroomArticle, 'id' | 'status' | 'publishedAt'> & { updatedAt?: string | null },
  draft: ArticleDraft,
  now = new Date(),
  republish: RepublishPreview = null,
): Promise<Article> {
  const at = now.toISOString();
  const publishedAt = article.publishedAt ?? at;
  const live = article.status === 'published';
  const updatedAt = !live ? publishedAt : republish?.kind === 'fix' ? (article.updatedAt ?? publishedAt) : at;
  const shaped = await toDraftArticle(db, article.id, draft, { publishedAt, updatedAt });
  const notice = live && republish?.kind === 'correct' ? checkCorrectionNotice(republish.notice) : null;
  return notice?.ok ? { ...shaped, corrections: [...shaped.corrections, { text: notice.text, publishedAt: at }] } : shaped;
}

function toRepublishPreview(input: unknown): RepublishPreview {
  if (typeof input !== 'object' || input === null) return null;
  const { kind, notice } = input as { kind?: unknown; notice?: unknown };
  if (!(REPUBLISH_KINDS as readonly unknown[]).includes(kind)) return null;
  return { kind: kind as RepublishKind, notice: typeof notice === 'string' ? notice.slice(0, 20_000) : '' };
}

export type DraftPreviewAnswer = { ok: true; article: Article } | { ok: false; error: string };

/**
 * The editor's unsaved form, for the live preview's Server Action. Read-only,
 * but behind the same origin, session and CSRF guard as every mutation: it
 * shows unpublished copy. `page` is checked here so the action renders only
 * a page number it was given sanely.
 */
export async function previewDraft(csrfToken: string, id: string, input: unknown, page: number, republish: unknown = null): Promise<DraftPreviewAnswer> {
  try {
    await guardAction(csrfToken);
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : 'プレビューできません。' };
  }
  if (!isArticleId(id) || !Number.isInteger(page) || page < 1 || page > 500) return { ok: false, error: 'プレビューできません。' };
  const parsed = parseDraft(input);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const { db } = await getNewsroomContext();
  const stored = await loadNewsroomArticle(db, id, { withDeleted: true });
  if (stored?.deletedAt) return { ok: false, error: '記事が見つかりません。' };
  // No row yet: a new article whose editor has not saved (ADR 0041), previewed as the draft it will be.
  const article = stored ?? { id, status: 'draft' as const, publishedAt: null };
  return { ok: true, article: await toDraftPreview(db, article, parsed.draft, new Date(), toRepublishPreview(republish)) };
}
