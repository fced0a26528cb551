import 'server-only';
import { notFound } from 'next/navigation';
import { isArticleId } from '../content/ids';
import { loadNewsroomArticle, type NewsroomArticle } from './articles';
import { requireEditor, type SignedIn } from './auth';
import { getNewsroomContext } from './context';
import { canSeeDeleted } from './roles';

/**
 * The start of every page about one article (editor, revisions, preview
 * links): sign-in first, so an outsider learns nothing, not even whether
 * the id exists; then the article, or a 404. A deleted draft is a 404 too,
 * except on the pages that pass `withDeleted` (its revisions) for a 管理者
 * (ADR 0041).
 */
export async function loadArticleForEditor(
  id: string,
  returnTo: string,
  { withDeleted = false }: { withDeleted?: boolean } = {},
): Promise<{ signedIn: SignedIn; article: NewsroomArticle }> {
  const signedIn = await requireEditor(returnTo);
  if (!isArticleId(id)) notFound();
  const { db } = await getNewsroomContext();
  const article = await loadNewsroomArticle(db, id, { withDeleted: withDeleted && canSeeDeleted(signedIn.editor.role) });
  if (!article) notFound();
  return { signedIn, article };
}
