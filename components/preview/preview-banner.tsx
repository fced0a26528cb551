import Link from 'next/link';
import { articlePath } from '@/lib/content/urls';
import type { ArticleStatus } from '@/lib/content/types';
import { STATUS_LABELS } from '@/lib/newsroom/labels';
import { formatDateline } from '@/lib/time/jst';

type PreviewBannerProps = { articleId: string; status: ArticleStatus; publishedAt: string | null; viewer: 'editor' | 'link' };

/**
 * Stays on screen over a preview so nobody mistakes a draft for the live
 * page: プレビュー中, the article's status, and the way out: back to the
 * editor for an editor, the public page once the article is live.
 */
export function PreviewBanner({ articleId, status, publishedAt, viewer }: PreviewBannerProps) {
  const action = 'rounded bg-chrome px-3 py-1 font-bold text-white';
  return (
    <div role="status" data-testid="preview-banner" className="sticky top-0 z-50 -mx-4 mb-4 bg-amber-300 px-4 py-2 text-sm text-neutral-950 shadow">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-1">
        <strong>プレビュー中</strong>
        <span>
          状態: {STATUS_LABELS[status]}
          {status === 'scheduled' && publishedAt && `(${formatDateline(publishedAt)}に公開予定)`}
        </span>
        <span className="hidden sm:inline">この表示は読者には見えません。</span>
        <span className="ml-auto flex gap-2">
          {status === 'published' && (
            <Link href={articlePath(articleId)} className={action} prefetch={false}>
              公開ページを見る
            </Link>
          )}
          {viewer === 'editor' && (
            <Link href={`/newsroom/articles/${articleId}`} className={action} prefetch={false}>
              編集画面に戻る
            </Link>
          )}
        </span>
      </div>
    </div>
  );
}
