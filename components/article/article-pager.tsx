import Link from 'next/link';
import { articlePath as publicPath, articlePreviewPath } from '@/lib/content/urls';

type ArticlePagerProps = { id: string; page: number; totalPages: number; preview?: boolean };

/** Page links of a multi-page article: 前のページ 1 2 3 次のページ. */
export function ArticlePager({ id, page, totalPages, preview = false }: ArticlePagerProps) {
  if (totalPages <= 1) return null;
  // A preview's pages stay at the preview address: a draft has no public one.
  const articlePath = preview ? articlePreviewPath : publicPath;
  const numbers = Array.from({ length: totalPages }, (_, i) => i + 1);
  const box = 'inline-flex min-w-10 items-center justify-center border px-3 py-2 text-sm';
  return (
    <nav aria-label="記事のページ" className="mt-8 border-y border-rule py-4" data-testid="article-pager">
      {page < totalPages && (
        <p className="mb-3 text-center">
          <Link href={articlePath(id, page + 1)} rel="next" className="inline-block bg-brand-fill px-6 py-2.5 font-bold text-white hover:bg-brand-fill-dark">
            続きを読む({page + 1}/{totalPages}ページ)
          </Link>
        </p>
      )}
      <ul className="flex flex-wrap items-center justify-center gap-1.5">
        {page > 1 && (
          <li>
            <Link href={articlePath(id, page - 1)} rel="prev" className={`${box} border-rule hover:bg-paper`}>
              前のページ
            </Link>
          </li>
        )}
        {numbers.map((n) => (
          <li key={n}>
            {n === page ? (
              <span aria-current="page" className={`${box} border-chrome bg-chrome font-bold text-white`}>
                {n}
              </span>
            ) : (
              <Link href={articlePath(id, n)} className={`${box} border-rule hover:bg-paper`} aria-label={`${n}ページ目`}>
                {n}
              </Link>
            )}
          </li>
        ))}
        {page < totalPages && (
          <li>
            <Link href={articlePath(id, page + 1)} className={`${box} border-rule hover:bg-paper`}>
              次のページ
            </Link>
          </li>
        )}
      </ul>
    </nav>
  );
}
