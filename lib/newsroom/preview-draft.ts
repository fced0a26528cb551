import 'server-only';
import type { Kysely } from 'kysely';
import type { Article } from '../content/types';
import { isArticleId } from '../content/ids';
import type { Database } from '../db/schema';
import { loadNewsroomArticle, type NewsroomArticle } from './articles';
import { guardAction } from './auth';
import { getNewsroomContext } from './context';
import { parseDraft, type ArticleDraft } from './draft';
import { toDraftArticle } from './preview-article';

/**
 * The editor's side-by-side preview as data: the form's content as the
 * Article the public components take. The route renders it
 * (components/newsroom/draft-preview.tsx); lib/ stays below components/.
 */

/**
 * A form's content shaped for the preview. Times are what readers would see
 * if the editor pressed the button now: the scheduled or first publication
 * time, and for a live article a correction made now.
 */
export async function toDraftPreview(
  db: Kysely<Database>,
  article: Pick<NewsroomArticle, 'id' | 'status' | 'publishedAt'>,
  draft: ArticleDraft,
  now = new Date(),
): Promise<Article> {
  const at = now.toISOString();
  const publishedAt = article.publishedAt ?? at;
  const updatedAt = article.status === 'published' ? at : publishedAt;
  return toDraftArticle(db, article.id, draft, { publishedAt, updatedAt });
}

export type DraftPreviewAnswer = { ok: true; article: Article } | { ok: false; error: string };

/**
 * The editor's unsaved form, for the live preview's Server Action. Read-only,
 * but behind the same origin, session and CSRF guard as every mutation: it
 * shows unpublished copy. `page` is checked here so the action renders only
 * a page number it was given sanely.
 */
export async function previewDraft(csrfToken: string, id: string, input: unknown, page: number): Promise<DraftPreviewAnswer> {
  try {
    await guardAction(csrfToken);
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : 'プレビューできません。' };
  }
  if (!isArticleId(id) || !Number.isInteger(page) || page < 1 || page > 500) return { ok: false, error: 'プレビューできません。' };
  const parsed = parseDraft(input);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const { db } = await getNewsroomContext();
  const article = await loadNewsroomArticle(db, id);
  if (!article) return { ok: false, error: '記事が見つかりません。' };
  return { ok: true, article: await toDraftPreview(db, article, parsed.draft) };
}
