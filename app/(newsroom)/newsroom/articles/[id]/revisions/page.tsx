import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { NewsroomHeader } from '@/components/newsroom/newsroom-header';
import { RevisionList } from '@/components/newsroom/revision-list';
import { isArticleId } from '@/lib/content/ids';
import { loadNewsroomArticle } from '@/lib/newsroom/articles';
import { requireEditor } from '@/lib/newsroom/auth';
import { getNewsroomContext } from '@/lib/newsroom/context';
import { listRevisions } from '@/lib/newsroom/queries';

export const metadata: Metadata = { title: '版の履歴' };

type RevisionsPageProps = { params: Promise<{ id: string }> };

export default async function RevisionsPage({ params }: RevisionsPageProps) {
  const { id } = await params;
  const signedIn = await requireEditor(`/newsroom/articles/${id}/revisions`);
  if (!isArticleId(id)) notFound();
  const { db } = await getNewsroomContext();
  const [article, revisions] = await Promise.all([loadNewsroomArticle(db, id), listRevisions(db, id)]);
  if (!article) notFound();
  return (
    <>
      <NewsroomHeader editor={signedIn.editor} csrfToken={signedIn.csrfToken} />
      <main className="mx-auto max-w-4xl px-4 py-6">
        <p className="text-sm">
          <Link href={`/newsroom/articles/${id}`} className="underline">
            ← 編集に戻る
          </Link>
        </p>
        <h1 className="mt-2 text-2xl font-bold">版の履歴</h1>
        <p className="mt-1 text-muted">{article.draft.headline || '(見出しなし)'}</p>
        <RevisionList articleId={id} revisions={revisions} current={article.revision} live={article.status === 'published'} csrfToken={signedIn.csrfToken} />
      </main>
    </>
  );
}
