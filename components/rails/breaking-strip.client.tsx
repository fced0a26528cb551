'use client';
// Runs in the browser so a story flagged after the page was cached appears in place when the rails are refreshed.

import Link from 'next/link';
import { useRails } from './rails-provider.client';

/** At most this many flagged stories above the fold: the strip must not push the news off a phone's first screen. */
const STRIP_SIZE = 2;

/**
 * 速報 at the top of the home page on phones and tablets, where the sidebar's
 * ニュース速報 comes only after all of the page's news: the stories the
 * newsroom flagged, one line each, and a link down to the full ticker.
 * Nothing when no story is flagged; hidden where the sidebar is beside the
 * news (lg and up), so it is never read twice.
 */
export function BreakingStrip() {
  const flagged = useRails()
    .breaking.filter((item) => item.breaking)
    .slice(0, STRIP_SIZE);
  if (flagged.length === 0) return null;
  return (
    <section aria-labelledby="breaking-strip-heading" data-testid="breaking-strip" className="mb-6 border-l-4 border-brand bg-paper px-3 py-2 lg:hidden">
      <div className="flex items-baseline justify-between gap-3">
        {/* Not ニュース速報: two regions of one page need different names. */}
        <h2 id="breaking-strip-heading" className="text-sm font-bold text-brand">
          速報
        </h2>
        <a href="#breaking-heading" className="text-xs text-muted underline">
          ニュース速報をすべて見る
        </a>
      </div>
      <ul>
        {flagged.map((item) => (
          <li key={item.id} className="flex items-baseline gap-2 py-1">
            <span className="shrink-0 text-xs font-semibold text-brand">{item.sectionName}</span>
            <Link href={item.url} title={item.headline} className="block min-w-0 flex-1 truncate text-[15px] font-semibold hover:underline">
              {item.headline}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
