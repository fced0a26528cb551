import Link from 'next/link';
import { toCardImageProps } from '@/lib/related/card-image';
import type { RelatedCard } from '@/lib/related/cards';
import { LiveBadge } from '../live/live-badge';
import { PhraseRun } from '../text/phrase-run';

type RelatedCardViewProps = { card: RelatedCard };

/**
 * One card of あわせて読みたい: picture in a fixed 16:9 box (nothing moves
 * while it loads, and it loads only near the viewport), section label,
 * headline in a box of exactly three lines, date. The whole card is one
 * link, one tab stop per slide. The fixed boxes keep the row's height the
 * same whatever the cards say: cards loaded later never push the page down.
 * Its styles are classes in app/globals.css: 24 cards repeat them, and
 * Tailwind's utility lists took a fifth of each row's HTML.
 */
export function RelatedCardView({ card }: RelatedCardViewProps) {
  return (
    <Link href={card.url} prefetch={false} className="related-card group">
      <span className="related-card-picture">
        {card.image && (
          // eslint-disable-next-line @next/next/no-img-element -- the optimiser's srcset, built by lib/related/card-image.ts
          <img {...toCardImageProps(card.image)} alt="" loading="lazy" decoding="async" />
        )}
      </span>
      <span className="related-card-section">
        {card.liveNow && <LiveBadge />}
        {card.sectionName}
        {card.sponsored && <span className="rounded-sm bg-muted/15 px-1.5 py-0.5 text-muted">PR</span>}
      </span>
      <h3 className="related-card-headline">
        <PhraseRun phrases={card.headlinePhrases} />
      </h3>
      <span className="related-card-date">
        <time dateTime={card.datetime}>{card.dateLabel}</time>
      </span>
    </Link>
  );
}
