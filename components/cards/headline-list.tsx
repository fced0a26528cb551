import Link from 'next/link';
import type { RailItem } from '@/lib/rails/types';
import { LiveBadge } from '../live/live-badge';
import { PhraseRun } from '../text/phrase-run';

type HeadlineListProps = { items: RailItem[]; showSection?: boolean };

/**
 * Compact text list of stories: time, section label and a headline clipped
 * to two lines. Each headline keeps the height of two lines however long it
 * is, so a rail refreshed in the browser (最新記事) never moves what follows;
 * it wraps only between phrases the server found.
 * Labels come formatted from the server (lib/rails/snapshot.ts): it renders
 * the same on the server and in the browser.
 */
export function HeadlineList({ items, showSection = true }: HeadlineListProps) {
  return (
    <ul className="divide-y divide-rule">
      {items.map((item) => (
        <li key={item.id} className="py-2.5">
          <Link href={item.url} className="group block" title={item.headline}>
            <span className="mb-0.5 flex items-center gap-2 text-xs text-muted">
              {item.liveNow && <LiveBadge />}
              <time dateTime={item.datetime}>{item.timeLabel}</time>
              {showSection && <span className="font-semibold text-brand">{item.sectionName}</span>}
            </span>
            <span className="line-clamp-2 min-h-[2lh] text-[15px] leading-snug font-medium break-keep [overflow-wrap:anywhere] group-hover:underline">
              <PhraseRun phrases={item.headlinePhrases} />
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
