import type { Metadata } from 'next';
import { ArticleSubpage } from '@/components/newsroom/article-subpage';
import { RevisionList } from '@/components/newsroom/revision-list';
import { decideCommandRefusal, getRevisions, loadArticleForEditor } from '@/lib/newsroom';

export const metadata: Metadata = { title: '版の履歴' };

type RevisionsPageProps = { params: Promise<{ id: string }> };

export default async function RevisionsPage({ params }: RevisionsPageProps) {
  const { id } = await params;
  const { signedIn, article } = await loadArticleForEditor(id, `/newsroom/articles/${id}/revisions`);
  const revisions = await getRevisions(id);
  return (
    <ArticleSubpage signedIn={signedIn} articleId={id} headline={article.draft.headline} title="版の履歴">
      <RevisionList
        articleId={id}
        revisions={revisions}
        current={article.revision}
        live={article.status === 'published'}
        csrfToken={signedIn.csrfToken}
        canRestore={decideCommandRefusal(signedIn.editor.role, 'restore', article.status) === null}
      />
    </ArticleSubpage>
  );
}
