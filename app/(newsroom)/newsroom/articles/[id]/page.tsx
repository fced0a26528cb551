import type { Metadata } from 'next';
import { ArticleEditor } from '@/components/newsroom/article-editor.client';
import { DraftPreview } from '@/components/newsroom/draft-preview';
import { NewsroomHeader } from '@/components/newsroom/newsroom-header';
import Link from 'next/link';
import { getLiveArticle } from '@/lib/live';
import { canDeleteArticle, getDraftPreview, getReturnNote, getTaxonomyOptions, loadArticleForEditor } from '@/lib/newsroom';
import { previewDraftAction } from './preview-action';

export const metadata: Metadata = { title: '記事の編集' };

type EditorPageProps = { params: Promise<{ id: string }> };

export default async function EditorPage({ params }: EditorPageProps) {
  const { id } = await params;
  const { signedIn, article } = await loadArticleForEditor(id, `/newsroom/articles/${id}`);
  const [options, preview, returnNote, live, canDelete] = await Promise.all([
    getTaxonomyOptions(),
    getDraftPreview(article, article.draft),
    getReturnNote(id),
    getLiveArticle(id),
    canDeleteArticle(id, signedIn.editor),
  ]);
  const { status, draft, publishedAt, updatedAt, revision } = article;
  return (
    <>
      <NewsroomHeader editor={signedIn.editor} csrfToken={signedIn.csrfToken} />
      <main className="mx-auto max-w-7xl px-4 py-6">
        <h1 className="sr-only">記事の編集</h1>
        {live && (
          <p className="mb-4 rounded border border-brand px-3 py-2 text-sm">
            これはライブ記事です。ここでは見出しとリード(本文)を編集し、公開します。投稿は
            <Link href={`/newsroom/articles/${id}/live`} className="ml-1 font-bold underline">
              ライブ投稿画面
            </Link>
            から行います。
          </p>
        )}
        <ArticleEditor
          article={{ id, status, draft, publishedAt, updatedAt, revision }}
          options={options}
          csrfToken={signedIn.csrfToken}
          initialPreview={<DraftPreview article={preview} page={1} />}
          initialPages={preview.pages.length}
          renderPreview={previewDraftAction}
          role={signedIn.editor.role}
          returnNote={returnNote}
          canDelete={canDelete}
        />
      </main>
    </>
  );
}
