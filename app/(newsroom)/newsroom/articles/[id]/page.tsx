import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleEditor } from '@/components/newsroom/article-editor.client';
import { NewsroomHeader } from '@/components/newsroom/newsroom-header';
import { isArticleId } from '@/lib/content/ids';
import { loadNewsroomArticle } from '@/lib/newsroom/articles';
import { requireEditor } from '@/lib/newsroom/auth';
import { getNewsroomContext } from '@/lib/newsroom/context';
import { renderDraftPreview } from '@/lib/newsroom/preview-render';
import { listTaxonomyOptions } from '@/lib/newsroom/queries';

export const metadata: Metadata = { title: '記事の編集' };

type EditorPageProps = { params: Promise<{ id: string }> };

export default async function EditorPage({ params }: EditorPageProps) {
  const { id } = await params;
  // Sign-in first: an outsider learns nothing, not even whether the id exists.
  const signedIn = await requireEditor(`/newsroom/articles/${id}`);
  if (!isArticleId(id)) notFound();
  const { db } = await getNewsroomContext();
  const [article, options] = await Promise.all([loadNewsroomArticle(db, id), listTaxonomyOptions(db)]);
  if (!article) notFound();
  const preview = await renderDraftPreview(article, article.draft, 1);
  const { status, draft, publishedAt, updatedAt, revision } = article;
  return (
    <>
      <NewsroomHeader editor={signedIn.editor} csrfToken={signedIn.csrfToken} />
      <main className="mx-auto max-w-7xl px-4 py-6">
        <h1 className="sr-only">記事の編集</h1>
        <ArticleEditor
          article={{ id, status, draft, publishedAt, updatedAt, revision }}
          options={options}
          csrfToken={signedIn.csrfToken}
          initialPreview={preview.node}
          initialPages={preview.pages}
        />
      </main>
    </>
  );
}
