import type { Metadata } from 'next';
import Link from 'next/link';
import { ArticleSubpage } from '@/components/newsroom/article-subpage';
import { LiveComposer } from '@/components/newsroom/live-composer.client';
import { articlePath, articlePreviewPath } from '@/lib/content';
import { decideLiveRefusal, getLiveDesk } from '@/lib/live';
import { loadArticleForEditor } from '@/lib/newsroom';

export const metadata: Metadata = { title: 'ライブ投稿' };

type LivePageProps = { params: Promise<{ id: string }> };

/** The composer of a live page (速報ライブ, ADR 0036): post, pin, edit, delete, end. */
export default async function LiveComposerPage({ params }: LivePageProps) {
  const { id } = await params;
  const { signedIn, article } = await loadArticleForEditor(id, `/newsroom/articles/${id}/live`);
  const desk = await getLiveDesk(id);
  const role = signedIn.editor.role;
  return (
    <ArticleSubpage signedIn={signedIn} articleId={id} headline={article.draft.headline} title="ライブ投稿">
      {!desk ? (
        <p className="mt-6 text-sm">この記事はライブ記事ではありません。ライブ記事は上の「ライブ記事を作成」から作成します。</p>
      ) : (
        <>
          <p className="mt-2 text-sm">
            {article.status === 'published' ? (
              <Link href={articlePath(id)} className="underline">
                読者のページを開く
              </Link>
            ) : (
              <>
                この記事はまだ公開されていません。投稿は公開まで読者に見えません(
                <Link href={articlePreviewPath(id)} className="underline">
                  プレビュー
                </Link>
                )。
              </>
            )}
          </p>
          <LiveComposer articleId={id} csrfToken={signedIn.csrfToken} posts={desk.posts} ended={!!desk.article.endedAt} editorId={signedIn.editor.id} isDesk={decideLiveRefusal(role, 'pin') === null} />
        </>
      )}
    </ArticleSubpage>
  );
}
