import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ArticleSubpage } from '@/components/newsroom/article-subpage';
import { RevisionComparison } from '@/components/newsroom/revision-comparison';
import { RevisionSelect } from '@/components/newsroom/revision-list';
import { getRevisionComparison, getRevisions, loadArticleForEditor, REVISION_LABELS } from '@/lib/newsroom';
import { formatDateline } from '@/lib/time';

export const metadata: Metadata = { title: '版の比較' };

type ComparePageProps = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** A revision number from the query, or `fallback` when there is none or it is not one. */
function toNumber(value: string | string[] | undefined, fallback: number): number {
  const n = typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : NaN;
  return Number.isSafeInteger(n) && n >= 1 ? n : fallback;
}

/** Two revisions compared (ADR 0041): by default the newest against the one before it. */
export default async function ComparePage({ params, searchParams }: ComparePageProps) {
  const { id } = await params;
  const query = await searchParams;
  const { signedIn, article } = await loadArticleForEditor(id, `/newsroom/articles/${id}/revisions/compare`, { withDeleted: true });
  const to = toNumber(query.to, article.revision);
  const from = toNumber(query.from, Math.max(1, to - 1));
  const [compared, revisions] = await Promise.all([getRevisionComparison(id, from, to), getRevisions(id)]);
  if (!compared) notFound();
  const label = (r: typeof compared.from) => `第${r.number}版`;
  const base = `/newsroom/articles/${id}/revisions`;
  return (
    <ArticleSubpage signedIn={signedIn} articleId={id} headline={article.draft.headline} title="版の比較" backToEditor={article.deletedAt === null} wide>
      <form action={`${base}/compare`} method="get" className="mt-4 flex flex-wrap items-end gap-3 rounded border border-rule bg-white px-4 py-3 text-sm">
        <RevisionSelect name="from" label="古い方" revisions={revisions} value={compared.from.number} />
        <RevisionSelect name="to" label="新しい方" revisions={revisions} value={compared.to.number} />
        <button type="submit" className="rounded bg-ink px-4 py-1.5 font-bold text-white">
          比較する
        </button>
        <Link href={base} className="ml-auto underline">
          版の履歴
        </Link>
      </form>
      <dl className="mt-4 grid gap-2 text-sm sm:grid-cols-2">
        {[compared.from, compared.to].map((r, i) => (
          <div key={i} className="rounded border border-rule bg-white px-3 py-2">
            <dt className="font-bold">
              {i === 0 ? '古い方' : '新しい方'}: {label(r)}
            </dt>
            <dd className="text-muted">
              {REVISION_LABELS[r.action]}・{formatDateline(r.createdAt)}・{r.editorName ?? 'システム'}
              <Link href={`${base}/${r.number}`} className="ml-2 text-ink underline">
                表示
              </Link>
            </dd>
          </div>
        ))}
      </dl>
      <RevisionComparison comparison={compared.comparison} fromLabel={label(compared.from)} toLabel={label(compared.to)} />
    </ArticleSubpage>
  );
}
