import Link from 'next/link';
import type { RailRanking } from '@/lib/rails/types';
import { LiveBadge } from '../live/live-badge';

type RankingListProps = { list: RailRanking; variant?: 'rail' | 'page' };

const UNAVAILABLE = {
  stale: '集計の更新が遅れているため、このランキングは表示を控えています。',
  empty: 'このランキングはまだ集計中です。',
} as const;

/**
 * One ranking window, 1–10: in the sidebar titles are clipped to two lines
 * with … (and keep two lines' height, so a refresh in the browser moves
 * nothing); on /ranking they are shown whole with section and date. Under
 * the list, when it was computed (最終更新 HH:MM JST). A stale or empty
 * window says so in one quiet line instead of showing numbers it cannot
 * vouch for.
 */
export function RankingList({ list, variant = 'rail' }: RankingListProps) {
  if (list.state !== 'fresh') {
    return (
      <p className="py-3 text-sm text-muted" data-state={list.state}>
        {UNAVAILABLE[list.state]}
      </p>
    );
  }
  const page = variant === 'page';
  return (
    <>
      <ol className="divide-y divide-rule" data-testid={`ranking-${list.period}`}>
        {list.items.map(({ rank, article }) => (
          <li key={article.id} className="flex gap-3 py-2.5">
            <span
              className={`w-6 shrink-0 text-right font-serif text-lg leading-tight font-bold ${rank <= 3 ? 'text-brand' : 'text-muted'}`}
            >
              {rank}
            </span>
            <div className="min-w-0 flex-1">
              {page && <p className="mb-0.5 text-xs font-semibold text-brand">{article.sectionName}</p>}
              <Link
                href={article.url}
                title={page ? undefined : article.headline}
                className={`${page ? 'text-base font-bold' : 'line-clamp-2 min-h-[2lh] text-[15px] font-medium'} leading-snug hover:underline`}
              >
                {article.liveNow && (
                  <>
                    <LiveBadge />{' '}
                  </>
                )}
                {article.headline}
              </Link>
              {page && (
                <p className="mt-1 text-xs text-muted">
                  <time dateTime={article.datetime}>{article.dateLabel}</time>
                </p>
              )}
            </div>
          </li>
        ))}
      </ol>
      {list.computed && (
        <p className="mt-1 text-right text-xs text-muted">
          最終更新 <time dateTime={list.computed.datetime}>{list.computed.timeLabel}</time> JST
        </p>
      )}
    </>
  );
}
