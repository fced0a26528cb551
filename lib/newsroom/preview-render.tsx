import 'server-only';
import type { ReactNode } from 'react';
// eslint-disable-next-line import/no-restricted-paths -- until the newsroom door returns the draft as data for the route to render (issue 18, the next commit)
import { DraftPreview } from '@/components/newsroom/draft-preview';
import type { NewsroomArticle } from './articles';
import { getNewsroomContext } from './context';
import type { ArticleDraft } from './draft';
import { toDraftArticle } from './preview-article';

/**
 * The side-by-side preview of a form's content as server-rendered React.
 * Times are what readers would see if the editor pressed the button now:
 * the scheduled or first publication time, and for a live article a
 * correction made now.
 */
export async function renderDraftPreview(
  article: Pick<NewsroomArticle, 'id' | 'status' | 'publishedAt'>,
  draft: ArticleDraft,
  page: number,
): Promise<{ node: ReactNode; pages: number }> {
  const { db } = await getNewsroomContext();
  const now = new Date().toISOString();
  const publishedAt = article.publishedAt ?? now;
  const updatedAt = article.status === 'published' ? now : publishedAt;
  const shaped = await toDraftArticle(db, article.id, draft, { publishedAt, updatedAt });
  return { node: <DraftPreview article={shaped} page={page} />, pages: shaped.pages.length };
}
