import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ArticleSubpage } from '@/components/newsroom/article-subpage';
import { DraftPreview } from '@/components/newsroom/draft-preview';
import { getRevisionView, loadArticleForEditor, REVISION_LABELS } from '@/lib/newsroom';
import { formatDateline } from '@/lib/time';

export const metadata: Metadata = { title: '版の表示' };

type RevisionPageProps = { params: Promise<{ id: string; number: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * One revision as readers would have seen it (ADR 0041): the public article
 * components, as the editor's preview renders them. A newsroom page like the
 * others: signed-in only, never cached.
 */
export default async function RevisionPage({ params, searchParams }: RevisionPageProps) {
  const { id, number } = await params;
  const { signedIn, article } = await loadArticleForEditor(id, `/newsroom/articles/${id}/revisions/${encodeURIComponent(number)}`, { withDeleted: true });
  if (!/^\d{1,9}$/.test(number)) notFound();
  const view = await getRevisionView(article, Number(number));
  if (!view) notFound();
  const pageParam = (await searchParams).page;
  const page = typeof pageParam === 'string' && /^\d{1,3}$/.test(pageParam) ? Number(pageParam) : 1;
  const { revision } = view;
  const base = `/newsroom/articles/${id}/revisions`;
  const pages = view.article?.pages.length ?? 0;
  return (
    <ArticleSubpage
      signedIn={signedIn}
      articleId={id}
      headline={article.draft.headline}
      title={`第${revision.number}版(${REVISION_LABELS[revision.action]})`}
      backToEditor={article.deletedAt === null}
      wide
    >
      <p className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <span className="text-muted">
          {formatDateline(revision.createdAt)}・{revision.editorName ?? 'システム'}
        </span>
        <Link href={base} className="underline">
          版の履歴
        </Link>
        {revision.number > 1 && (
          <Link href={`${base}/compare?from=${revision.number - 1}&to=${revision.number}`} className="underline">
            前の版と比較
          </Link>
        )}
        {revision.number < article.revision && (
          <Link href={`${base}/compare?from=${revision.number}&to=${article.revision}`} className="underline">
            現在の版と比較
          </Link>
        )}
      </p>
      <p className="mt-3 rounded border border-rule bg-paper px-3 py-2 text-sm">この版の内容を、読者に表示される形で示しています(編集部内だけの表示です)。</p>
      {pages > 1 && (
        <nav aria-label="この版のページ" className="mt-3 flex gap-2 text-sm">
          {Array.from({ length: pages }, (_, i) => i + 1).map((n) => (
            <Link
              key={n}
              href={`${base}/${revision.number}?page=${n}`}
              aria-current={n === page ? 'page' : undefined}
              className={`min-w-8 rounded border px-2 py-0.5 text-center ${n === page ? 'border-ink bg-ink text-white' : 'border-rule bg-white'}`}
            >
              {n}
            </Link>
          ))}
        </nav>
      )}
      <div className="mt-4">
        {view.article ? (
          <DraftPreview article={view.article} page={page} />
        ) : (
          <p role="alert" className="rounded border border-brand/40 bg-brand/5 px-3 py-2 text-sm text-brand-dark">
            この版は今の形式で読めないため、表示できません。「比較」で文章を確かめられます。
          </p>
        )}
      </div>
    </ArticleSubpage>
  );
}
