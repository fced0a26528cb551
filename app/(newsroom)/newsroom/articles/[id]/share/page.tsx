import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { NewsroomHeader } from '@/components/newsroom/newsroom-header';
import { PreviewLinks } from '@/components/newsroom/preview-links';
import { readSettings } from '@/lib/config';
import { isArticleId } from '@/lib/content/ids';
import { loadNewsroomArticle } from '@/lib/newsroom/articles';
import { requireEditor } from '@/lib/newsroom/auth';
import { getNewsroomContext } from '@/lib/newsroom/context';
import { listPreviewLinks } from '@/lib/preview/links';

export const metadata: Metadata = { title: '共有用プレビューリンク' };

type SharePageProps = { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string; revoked?: string }> };

export default async function SharePage({ params, searchParams }: SharePageProps) {
  const { id } = await params;
  const { created, revoked } = await searchParams;
  const signedIn = await requireEditor(`/newsroom/articles/${id}/share`);
  if (!isArticleId(id)) notFound();
  const { db, secret } = await getNewsroomContext();
  const article = await loadNewsroomArticle(db, id);
  if (!article) notFound();
  const links = await listPreviewLinks(db, secret, id);
  return (
    <>
      <NewsroomHeader editor={signedIn.editor} csrfToken={signedIn.csrfToken} />
      <main className="mx-auto max-w-4xl px-4 py-6">
        <p className="text-sm">
          <Link href={`/newsroom/articles/${id}`} className="underline">
            ← 編集に戻る
          </Link>
        </p>
        <h1 className="mt-2 text-2xl font-bold">共有用プレビューリンク</h1>
        <p className="mt-1 text-muted">{article.draft.headline || '(見出しなし)'}</p>
        <p className="mt-3 text-sm">
          アカウントを持たない人に、この記事だけを公開前の姿で見せるリンクです。閲覧のみで、期限が来るか取り消すと使えなくなります。
        </p>
        {revoked && (
          <p role="status" className="mt-4 rounded border border-rule bg-white px-3 py-2 text-sm">
            リンクを取り消しました。
          </p>
        )}
        <PreviewLinks
          articleId={id}
          links={links}
          createdId={created}
          siteUrl={readSettings().siteUrl}
          csrfToken={signedIn.csrfToken}
        />
      </main>
    </>
  );
}
