import type { Metadata } from 'next';
import { ArticleEditor } from '@/components/newsroom/article-editor.client';
import { DraftPreview } from '@/components/newsroom/draft-preview';
import { NewsroomHeader } from '@/components/newsroom/newsroom-header';
import { getDraftPreview, getNewArticle, getTaxonomyOptions, requireEditor } from '@/lib/newsroom';
import { previewDraftAction } from '../[id]/preview-action';

export const metadata: Metadata = { title: '新しい記事' };

type NewArticlePageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** 新規作成: the editor of an article that is not stored until its editor types something (ADR 0041). */
export default async function NewArticlePage({ searchParams }: NewArticlePageProps) {
  const kind = (await searchParams).kind === 'live' ? 'live' : 'article';
  const signedIn = await requireEditor(kind === 'live' ? '/newsroom/articles/new?kind=live' : '/newsroom/articles/new');
  const [{ id, draft }, options] = await Promise.all([getNewArticle(), getTaxonomyOptions()]);
  const article = { id, status: 'draft' as const, draft, publishedAt: null, updatedAt: null, revision: 0 };
  const preview = await getDraftPreview(article, draft);
  return (
    <>
      <NewsroomHeader editor={signedIn.editor} csrfToken={signedIn.csrfToken} />
      <main className="mx-auto max-w-7xl px-4 py-6">
        <h1 className="sr-only">{kind === 'live' ? '新しいライブ記事' : '新しい記事'}</h1>
        {kind === 'live' && (
          <p className="mb-4 rounded border border-brand px-3 py-2 text-sm">
            新しいライブ記事です。見出しかリードを入力すると保存され、ライブ投稿画面が使えるようになります。
          </p>
        )}
        <ArticleEditor
          article={article}
          options={options}
          csrfToken={signedIn.csrfToken}
          initialPreview={<DraftPreview article={preview} page={1} />}
          initialPages={preview.pages.length}
          renderPreview={previewDraftAction}
          role={signedIn.editor.role}
          returnNote={null}
          isNew
          kind={kind}
          // Its writer may delete it once it is stored: their own draft, never published (ADR 0041).
          canDelete
        />
      </main>
    </>
  );
}
