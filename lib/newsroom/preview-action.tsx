'use server';

import type { ReactNode } from 'react';
import { isArticleId } from '../content/ids';
import { loadNewsroomArticle } from './articles';
import { guardAction } from './auth';
import { getNewsroomContext } from './context';
import { parseDraft } from './draft';
import { renderDraftPreview } from './preview-render';

export type PreviewAnswer = { ok: true; node: ReactNode; pages: number } | { ok: false; error: string };

/**
 * Renders the editor's unsaved form with the public article components, for
 * the live preview. Read-only, but behind the same origin, session and CSRF
 * guard as every mutation: it shows unpublished copy.
 */
export async function previewDraftAction(csrfToken: string, id: string, input: unknown, page: number): Promise<PreviewAnswer> {
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
  return { ok: true, ...(await renderDraftPreview(article, parsed.draft, page)) };
}
