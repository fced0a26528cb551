import type { Metadata } from 'next';
import { ArticleSubpage } from '@/components/newsroom/article-subpage';
import { RevisionList } from '@/components/newsroom/revision-list';
import { UndeleteButton } from '@/components/newsroom/undelete-button';
import { decideCommandRefusal, getRevisions, loadArticleForEditor } from '@/lib/newsroom';
import { formatDateline } from '@/lib/time';

export const metadata: Metadata = { title: '版の履歴' };

type RevisionsPageProps = { params: Promise<{ id: string }> };

export default async function RevisionsPage({ params }: RevisionsPageProps) {
  const { id } = await params;
  // A deleted draft's history stays readable for the 管理者, who decides whether it comes back (ADR 0041).
  const { signedIn, article } = await loadArticleForEditor(id, `/newsroom/articles/${id}/revisions`, { withDeleted: true });
  const revisions = await getRevisions(id);
  const deleted = article.deletedAt !== null;
  return (
    <ArticleSubpage signedIn={signedIn} articleId={id} headline={article.draft.headline} title="版の履歴" backToEditor={!deleted}>
      {deleted && (
        <div role="status" className="mt-4 flex flex-wrap items-center gap-3 rounded border border-brand/40 bg-brand/5 px-3 py-2 text-sm">
          <span>この下書きは削除されています({formatDateline(article.deletedAt!)})。記事一覧には表示されません。</span>
          <UndeleteButton articleId={id} csrfToken={signedIn.csrfToken} />
        </div>
      )}
      <RevisionList
        articleId={id}
        revisions={revisions}
        current={article.revision}
        live={article.status === 'published'}
        csrfToken={signedIn.csrfToken}
        canRestore={!deleted && decideCommandRefusal(signedIn.editor.role, 'restore', article.status) === null}
      />
    </ArticleSubpage>
  );
}
