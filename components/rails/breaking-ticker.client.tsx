'use client';
// Runs in the browser so the ticker can change in place when the page's rails are refreshed (rails-provider.client.tsx).

import Link from 'next/link';
import { LiveBadge } from '../live/live-badge';
import { RailHeading } from './rail-heading';
import { useRails } from './rails-provider.client';

/**
 * ニュース速報: flagged stories (marked 速報) then the latest news, each with
 * its section and a one-line headline clipped with … by CSS, so the link's
 * accessible name (and its tooltip) is still the whole headline. One line
 * each: a refresh never changes the ticker's height.
 */
export function BreakingTicker() {
  const items = useRails().breaking;
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="breaking-heading" data-testid="breaking-ticker">
      <RailHeading id="breaking-heading" eyebrow="BREAKING">
        ニュース速報
      </RailHeading>
      <ul className="divide-y divide-rule">
        {items.map((item) => (
          <li key={item.id} className="flex items-baseline gap-2 py-2">
            {item.breaking && <span className="shrink-0 bg-brand-fill px-1 text-[11px] leading-4 font-bold text-white">速報</span>}
            {item.liveNow && <LiveBadge />}
            <span className="shrink-0 text-xs font-semibold text-brand">{item.sectionName}</span>
            <Link href={item.url} title={item.headline} className="block min-w-0 flex-1 truncate text-[15px] hover:underline">
              {item.headline}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
