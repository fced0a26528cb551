import Link from 'next/link';
import type { EditableFixedPage } from '@/lib/newsroom';
import { TRUST_PAGES } from '@/lib/site/pages';
import { formatDateline } from '@/lib/time/jst';

type FixedPageListProps = { pages: EditableFixedPage[] };

/** The four fixed pages, in the footer's order: title, address, which version and who saved it when. */
export function FixedPageList({ pages }: FixedPageListProps) {
  return (
    <ul className="divide-y divide-rule rounded border border-rule bg-white" data-testid="fixed-page-list">
      {pages.map((page) => {
        const { path, name } = TRUST_PAGES[page.slug];
        return (
          <li key={page.slug} className="flex flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
            <span className="min-w-0 flex-1">
              <Link href={`/newsroom/pages/${page.slug}`} className="block font-medium underline-offset-2 [overflow-wrap:anywhere] hover:underline">
                {page.title}
                {page.title !== name && <span className="ml-2 text-xs font-normal text-muted">({name})</span>}
              </Link>
              {/* Each fact whole on a phone's narrow line: a date is not broken in two. */}
              <span className="flex flex-wrap gap-x-2 text-xs text-muted [&>span]:whitespace-nowrap">
                <span>{path}</span>
                <span>第{page.version}版</span>
                <span>最終更新 {formatDateline(page.updatedAt)}</span>
                <span>{page.updatedBy ?? '初期の文面'}</span>
              </span>
            </span>
            <span className="flex gap-3 text-sm">
              <Link href={`/newsroom/pages/${page.slug}`} className="rounded bg-brand px-3 py-1.5 font-bold text-white hover:bg-brand-dark" aria-label={`${page.title}を編集`}>
                編集
              </Link>
              <a href={path} target="_blank" rel="noopener" className="rounded border border-rule px-3 py-1.5 hover:bg-paper" aria-label={`${page.title}の公開ページを表示`}>
                表示
              </a>
            </span>
          </li>
        );
      })}
    </ul>
  );
}
