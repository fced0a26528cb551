import Image from 'next/image';
import Link from 'next/link';
import { authorPath, seriesPath, topicPath } from '@/lib/content/urls';
import type { TermList } from '@/lib/newsroom/term-pages';
import { TERM_KIND_LABELS, TERM_KINDS, type TermKind } from '@/lib/newsroom/term-pages-labels';
import { NewsroomPager } from './newsroom-pager';

type TermPagesListProps = { list: TermList; query: string };

/** A term's reader page, as the list links it. */
export const READER_PATH: Record<TermKind, (slug: string) => string> = { topics: topicPath, series: seriesPath, authors: authorPath };

function listHref(kind: TermKind, query: string, page = 1): string {
  const params = new URLSearchParams({ kind });
  if (query) params.set('q', query);
  if (page > 1) params.set('page', String(page));
  return `/newsroom/terms?${params}`;
}

const SEARCH_HINT: Record<TermKind, string> = {
  topics: '名前・URL・説明で検索(例:エネルギー)',
  series: '名前・URL・説明で検索(例:東北)',
  authors: '名前・URL・肩書きで検索(例:経済部)',
};

/**
 * 特集・連載・筆者 (ADR 0050): one tab per kind with how many there are, a
 * search (a plain GET form, so a search is a link), and the list, most-read
 * first, each with how many articles use it, a link to edit it and one to
 * the page readers see. Rows wrap into cards on a phone.
 */
export function TermPagesList({ list, query }: TermPagesListProps) {
  const { kind, items, page, hasNext, totals, matched } = list;
  const noun = TERM_KIND_LABELS[kind].noun;
  return (
    <div className="space-y-4">
      <nav aria-label="種類">
        <ul className="flex flex-wrap gap-2 text-sm">
          {TERM_KINDS.map((k) => (
            <li key={k}>
              <Link
                href={listHref(k, '')}
                aria-current={k === kind ? 'page' : undefined}
                className={`inline-block rounded-full border px-3 py-1 ${k === kind ? 'border-ink bg-ink text-white' : 'border-rule bg-white hover:border-ink'}`}
              >
                {TERM_KIND_LABELS[k].tab}({totals[k]})
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <div className="flex flex-wrap items-end gap-2">
        <form role="search" action="/newsroom/terms" method="get" className="flex w-full min-w-0 items-end gap-2 sm:w-auto sm:flex-1">
          <input type="hidden" name="kind" value={kind} />
          <label className="min-w-0 flex-1 text-sm">
            {SEARCH_HINT[kind]}
            <input type="search" name="q" defaultValue={query} maxLength={100} className="mt-1 block w-full rounded border border-rule bg-white px-3 py-2" />
          </label>
          <button type="submit" className="rounded bg-ink px-4 py-2 text-sm font-bold text-white">
            検索
          </button>
          {query && (
            <Link href={listHref(kind, '')} className="px-2 py-2 text-sm underline">
              検索をやめる
            </Link>
          )}
        </form>
        <Link href={`/newsroom/terms/${kind}/new`} className="rounded bg-brand px-4 py-2 text-sm font-bold text-white hover:bg-brand-dark">
          新しい{noun}を作る
        </Link>
      </div>

      <p className="text-sm text-muted" data-testid="term-count">
        {query ? `「${query}」を含む${noun}:${matched}件` : `${noun}:${matched}件`}
      </p>

      {items.length === 0 ? (
        <p className="rounded border border-rule bg-white px-3 py-6 text-center text-sm text-muted">
          {query ? '見つかりませんでした。' : `${noun}はまだありません。`}
        </p>
      ) : (
        <ul className="divide-y divide-rule rounded border border-rule bg-white" data-testid="term-list">
          {items.map((item) => (
            <li key={item.slug} className="flex flex-wrap items-start gap-x-4 gap-y-2 px-3 py-3 sm:flex-nowrap" data-testid="term-row">
              {/* On a phone the words take the row and the counts and links go under them. */}
              <div className="flex min-w-0 basis-full gap-3 sm:basis-auto sm:flex-1">
                {kind === 'authors' &&
                  (item.portraitSrc ? (
                    <Image src={item.portraitSrc} alt="" width={48} height={48} sizes="48px" className="size-12 shrink-0 rounded-full border border-rule object-cover" />
                  ) : (
                    <span aria-hidden="true" className="flex size-12 shrink-0 items-center justify-center rounded-full border border-dashed border-rule text-[10px] text-muted">
                      写真なし
                    </span>
                  ))}
                <div className="min-w-0 flex-1">
                  <p className="flex flex-wrap items-center gap-2">
                    <Link href={`/newsroom/terms/${kind}/${item.slug}`} className="font-bold underline-offset-2 hover:underline">
                      {item.name}
                    </Link>
                    {item.sponsored && (
                      <span className="rounded-sm bg-muted/15 px-1.5 py-0.5 text-xs">PR{item.sponsorName ? `・提供:${item.sponsorName}` : ''}</span>
                    )}
                  </p>
                  <p className="mt-0.5 line-clamp-2 text-sm text-muted">{item.detail || '(説明なし)'}</p>
                  <p className="mt-0.5 text-xs break-all text-muted">{READER_PATH[kind](item.slug)}</p>
                </div>
              </div>
              <div className="flex shrink-0 flex-wrap items-center gap-x-3 gap-y-1 text-sm">
                <span data-testid="term-use">
                  公開{item.use.public}本{item.use.other > 0 && <span className="text-muted">・下書きなど{item.use.other}本</span>}
                </span>
                <Link href={`/newsroom/terms/${kind}/${item.slug}`} className="rounded border border-rule px-3 py-1 hover:border-ink">
                  編集
                </Link>
                <a href={READER_PATH[kind](item.slug)} target="_blank" rel="noreferrer" className="underline">
                  読者のページ
                </a>
              </div>
            </li>
          ))}
        </ul>
      )}

      <NewsroomPager page={page} hasNext={hasNext} href={(n) => listHref(kind, query, n)} />
    </div>
  );
}
