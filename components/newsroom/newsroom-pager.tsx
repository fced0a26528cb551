import Link from 'next/link';

type NewsroomPagerProps = { page: number; hasNext: boolean; href: (page: number) => string; previous?: string; next?: string };

/** ← 前へ / n ページ目 / 次へ → under a newsroom list; nothing when the list fits on one page. */
export function NewsroomPager({ page, hasNext, href, previous = '← 前へ', next = '次へ →' }: NewsroomPagerProps) {
  if (page <= 1 && !hasNext) return null;
  return (
    <nav aria-label="ページ送り" className="flex items-center justify-between text-sm">
      {page > 1 ? (
        <Link href={href(page - 1)} rel="prev" className="rounded border border-rule bg-white px-3 py-1.5">
          {previous}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-muted">{page}ページ目</span>
      {hasNext ? (
        <Link href={href(page + 1)} rel="next" className="rounded border border-rule bg-white px-3 py-1.5">
          {next}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
