import Link from 'next/link';

type PaginationProps = {
  page: number;
  totalPages: number;
  /** The URL of page N (page 1 has the bare URL). */
  hrefFor: (page: number) => string;
  label?: string;
};

/** Numbers around the current page, with first/last always reachable: 1 … 4 5 [6] 7 8 … 20. */
export function decidePageNumbers(page: number, totalPages: number, spread = 2): (number | 'gap')[] {
  const pages: (number | 'gap')[] = [];
  for (let n = 1; n <= totalPages; n++) {
    if (n === 1 || n === totalPages || Math.abs(n - page) <= spread) pages.push(n);
    else if (pages.at(-1) !== 'gap') pages.push('gap');
  }
  return pages;
}

/** Numbered pagination with 前へ/次へ; nothing when there is one page. */
export function Pagination({ page, totalPages, hrefFor, label = 'ページ' }: PaginationProps) {
  if (totalPages <= 1) return null;
  const item = 'inline-flex min-w-10 items-center justify-center border border-rule px-3 py-2 text-sm';
  return (
    <nav aria-label={label} className="mt-8">
      <ul className="flex flex-wrap items-center justify-center gap-1.5">
        {page > 1 && (
          <li>
            <Link href={hrefFor(page - 1)} rel="prev" className={`${item} hover:bg-paper`}>
              前へ
            </Link>
          </li>
        )}
        {decidePageNumbers(page, totalPages).map((n, i) =>
          n === 'gap' ? (
            <li key={`gap-${i}`} aria-hidden="true" className="px-1 text-muted">
              …
            </li>
          ) : (
            <li key={n}>
              {n === page ? (
                <span aria-current="page" className={`${item} border-chrome bg-chrome font-bold text-white`}>
                  {n}
                </span>
              ) : (
                <Link href={hrefFor(n)} className={`${item} hover:bg-paper`} aria-label={`${n}ページ目`}>
                  {n}
                </Link>
              )}
            </li>
          ),
        )}
        {page < totalPages && (
          <li>
            <Link href={hrefFor(page + 1)} rel="next" className={`${item} hover:bg-paper`}>
              次へ
            </Link>
          </li>
        )}
      </ul>
    </nav>
  );
}
