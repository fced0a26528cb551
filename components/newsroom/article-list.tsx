import Link from 'next/link';
import type { ArticleStatus } from '@/lib/content/types';
import { ARTICLE_STATUSES, STATUS_LABELS } from '@/lib/newsroom/labels';
import type { LiveCoverageState } from '@/lib/live/shape';
import { formatEditorName, type PresentEditor } from '@/lib/newsroom/presence-rules';
import type { NewsroomListItem } from '@/lib/newsroom/queries';
import { formatDateline } from '@/lib/time/jst';
import { UndeleteButton } from './undelete-button';

/** `deleted`: the 管理者's 削除済み list (ADR 0041), `?status=deleted`. */
type Filter = { status?: ArticleStatus; section?: string; q?: string; who?: string; deleted?: boolean };

type ArticleListProps = {
  list: { items: NewsroomListItem[]; page: number; totalPages: number; totalItems: number };
  counts: Record<ArticleStatus, number>;
  sections: { slug: string; name: string }[];
  /** The accounts to filter by (who wrote or last changed a piece). */
  editors: { login: string; name: string }[];
  /** The signed-in editor's login, for 自分の記事. */
  me: string;
  filter: Filter;
  /** How many drafts are deleted: given only to a 管理者, who alone sees the 削除済み tab. */
  deletedCount: number | null;
  /** Who else has each article open in the editor now (ADR 0047), by id; absent when nobody. */
  openBy: Record<string, PresentEditor[]>;
  csrfToken: string;
};

function hrefWith(filter: Filter, changes: Partial<Filter> & { page?: number }): string {
  const merged = { ...filter, ...changes };
  const params = new URLSearchParams();
  if (merged.deleted) params.set('status', 'deleted');
  else if (merged.status) params.set('status', merged.status);
  if (merged.section) params.set('section', merged.section);
  if (merged.q) params.set('q', merged.q);
  if (merged.who) params.set('who', merged.who);
  if (changes.page && changes.page > 1) params.set('page', String(changes.page));
  const query = params.toString();
  return query ? `/newsroom?${query}` : '/newsroom';
}

/** The 「ライブ」 chip: a live page, and where its coverage stands, in words (the colour only repeats them). */
const LIVE_CHIP: Record<LiveCoverageState, { label: string; className: string }> = {
  waiting: { label: 'ライブ(開始前)', className: 'border border-brand text-brand' },
  running: { label: 'ライブ配信中', className: 'bg-brand-fill text-white' },
  ended: { label: 'ライブ(終了)', className: 'border border-rule text-muted' },
};

const STATUS_BADGE: Record<ArticleStatus, string> = {
  draft: 'bg-amber-100 text-amber-900',
  submitted: 'bg-violet-100 text-violet-900',
  scheduled: 'bg-sky-100 text-sky-900',
  published: 'bg-emerald-100 text-emerald-900',
  unpublished: 'bg-zinc-200 text-zinc-800',
};

/** Status tabs, section and headline filters, and the list of articles, newest edit first. */
export function ArticleList({ list, counts, sections, editors, me, filter, deletedCount, openBy, csrfToken }: ArticleListProps) {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  return (
    <div className="space-y-4">
      <nav aria-label="状態で絞り込む">
        <ul className="flex flex-wrap gap-2 text-sm">
          {[undefined, ...ARTICLE_STATUSES].map((status) => {
            const current = !filter.deleted && filter.status === status;
            return (
              <li key={status ?? 'all'}>
                <Link
                  href={hrefWith(filter, { status, deleted: false })}
                  aria-current={current ? 'page' : undefined}
                  className={`inline-block rounded-full border px-3 py-1 ${current ? 'border-ink bg-ink text-white' : 'border-rule bg-white hover:border-ink'}`}
                >
                  {status ? STATUS_LABELS[status] : 'すべて'}({status ? counts[status] : total})
                </Link>
              </li>
            );
          })}
          {deletedCount !== null && (
            <li>
              <Link
                href={hrefWith(filter, { status: undefined, deleted: true })}
                aria-current={filter.deleted ? 'page' : undefined}
                className={`inline-block rounded-full border border-dashed px-3 py-1 ${filter.deleted ? 'border-ink bg-ink text-white' : 'border-rule bg-white hover:border-ink'}`}
              >
                削除済み({deletedCount})
              </Link>
            </li>
          )}
          <li className="ml-auto">
            <Link
              href={hrefWith(filter, { who: filter.who === me ? undefined : me })}
              aria-current={filter.who === me ? 'page' : undefined}
              className={`inline-block rounded-full border px-3 py-1 ${filter.who === me ? 'border-ink bg-ink text-white' : 'border-rule bg-white hover:border-ink'}`}
            >
              自分の記事
            </Link>
          </li>
        </ul>
      </nav>
      <form action="/newsroom" method="get" role="search" className="flex flex-wrap items-end gap-3">
        {(filter.deleted || filter.status) && <input type="hidden" name="status" value={filter.deleted ? 'deleted' : filter.status} />}
        <label className="text-sm">
          <span className="block font-semibold">セクション</span>
          <select name="section" defaultValue={filter.section ?? ''} className="mt-1 rounded border border-rule bg-white px-2 py-1.5">
            <option value="">すべて</option>
            {sections.map((s) => (
              <option key={s.slug} value={s.slug}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="block font-semibold">書いた人・最後に編集した人</span>
          <select name="who" defaultValue={filter.who ?? ''} className="mt-1 rounded border border-rule bg-white px-2 py-1.5">
            <option value="">すべて</option>
            {editors.map((e) => (
              <option key={e.login} value={e.login}>
                {e.login === me ? `${e.name}(自分)` : e.name}
              </option>
            ))}
          </select>
        </label>
        <label className="min-w-0 flex-1 text-sm">
          <span className="block font-semibold">見出しで検索</span>
          <input
            type="search"
            name="q"
            defaultValue={filter.q ?? ''}
            className="mt-1 block w-full rounded border border-rule bg-white px-2 py-1.5"
          />
        </label>
        <button type="submit" className="rounded bg-ink px-4 py-1.5 text-sm font-bold text-white">
          絞り込む
        </button>
      </form>
      <p className="text-sm text-muted">{list.totalItems}件</p>
      {list.items.length === 0 ? (
        <p className="rounded border border-rule bg-white px-4 py-10 text-center text-muted">該当する記事はありません。</p>
      ) : (
        <ul className="divide-y divide-rule rounded border border-rule bg-white" data-testid="newsroom-articles">
          {list.items.map((a) => (
            <li key={a.id} className="px-4 py-3">
              <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-muted">
                <span className={`rounded px-2 py-0.5 font-bold ${STATUS_BADGE[a.status]}`}>{STATUS_LABELS[a.status]}</span>
                {a.breaking && <span className="rounded bg-brand px-2 py-0.5 font-bold text-white">速報</span>}
                {a.live && (
                  <span data-testid="newsroom-live-chip" className={`rounded px-2 py-0.5 font-bold ${LIVE_CHIP[a.live].className}`}>
                    {LIVE_CHIP[a.live].label}
                  </span>
                )}
                <span>{a.section.name}</span>
                <span>
                  {a.status === 'scheduled' && a.publishedAt
                    ? `予約 ${formatDateline(a.publishedAt)}`
                    : a.updatedAt
                      ? `更新 ${formatDateline(a.updatedAt)}`
                      : ''}
                </span>
                {a.author && <span>執筆 {a.author}</span>}
                {a.lastEditor && a.lastEditor !== a.author && <span>最終編集 {a.lastEditor}</span>}
                {a.deletedAt && <span className="font-bold text-brand-dark">削除 {formatDateline(a.deletedAt)}</span>}
                {openBy[a.id] && (
                  <span className="rounded border border-sky-700 bg-sky-50 px-2 py-0.5 font-bold text-sky-900" data-testid="newsroom-open-by">
                    <span aria-hidden="true">● </span>
                    {openBy[a.id]!.map(formatEditorName).join('、')}が編集画面を開いています
                  </span>
                )}
              </p>
              {a.deletedAt ? (
                // A deleted draft has no editor: its revisions are what the 管理者 reads before bringing it back.
                <div className="mt-1 flex flex-wrap items-center gap-3">
                  <Link href={`/newsroom/articles/${a.id}/revisions`} className="font-semibold hover:underline">
                    {a.headline || '(見出しなし)'}
                  </Link>
                  <UndeleteButton articleId={a.id} csrfToken={csrfToken} />
                </div>
              ) : (
                <Link href={`/newsroom/articles/${a.id}`} className="mt-1 block font-semibold hover:underline">
                  {a.headline || '(見出しなし)'}
                </Link>
              )}
            </li>
          ))}
        </ul>
      )}
      {list.totalPages > 1 && (
        <nav aria-label="ページ" className="flex gap-3 text-sm">
          {list.page > 1 && <Link href={hrefWith(filter, { page: list.page - 1 })}>前のページ</Link>}
          <span>
            {list.page} / {list.totalPages}
          </span>
          {list.page < list.totalPages && <Link href={hrefWith(filter, { page: list.page + 1 })}>次のページ</Link>}
        </nav>
      )}
    </div>
  );
}
