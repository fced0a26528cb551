import type { Metadata } from 'next';
import { ArticleSubpage } from '@/components/newsroom/article-subpage';
import { PreviewLinks } from '@/components/newsroom/preview-links';
import { readSettings } from '@/lib/config';
import { getPreviewLinks, loadArticleForEditor } from '@/lib/newsroom';

export const metadata: Metadata = { title: '共有用プレビューリンク' };

type SharePageProps = { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string; revoked?: string }> };

export default async function SharePage({ params, searchParams }: SharePageProps) {
  const { id } = await params;
  const { created, revoked } = await searchParams;
  const { signedIn, article } = await loadArticleForEditor(id, `/newsroom/articles/${id}/share`);
  const links = await getPreviewLinks(id);
  return (
    <ArticleSubpage signedIn={signedIn} articleId={id} headline={article.draft.headline} title="共有用プレビューリンク">
      <p className="mt-3 text-sm">
        アカウントを持たない人に、この記事だけを公開前の姿で見せるリンクです。閲覧のみで、期限が来るか取り消すと使えなくなります。
      </p>
      {revoked && (
        <p role="status" className="mt-4 rounded border border-rule bg-white px-3 py-2 text-sm">
          リンクを取り消しました。
        </p>
      )}
      <PreviewLinks articleId={id} links={links} createdId={created} siteUrl={readSettings().siteUrl} csrfToken={signedIn.csrfToken} />
    </ArticleSubpage>
  );
}
