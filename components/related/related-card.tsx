import Link from 'next/link';
import type { RelatedCard } from '@/lib/related/cards';

type RelatedCardViewProps = { card: RelatedCard };

/**
 * One card of あわせて読みたい: picture in a fixed 16:9 box (nothing moves
 * while it loads, and it loads only near the viewport), section label,
 * headline clipped to three lines, date. The whole card is one link, one tab
 * stop per slide.
 */
export function RelatedCardView({ card }: RelatedCardViewProps) {
  return (
    <Link href={card.url} prefetch={false} className="group block h-full focus-visible:outline-offset-[-3px]">
      <span className="block aspect-video overflow-hidden bg-paper">
        {card.image && (
          // eslint-disable-next-line @next/next/no-img-element -- srcset made on the server by next/image's getImageProps
          <img
            src={card.image.src}
            srcSet={card.image.srcSet}
            sizes={card.image.sizes}
            width={card.image.width}
            height={card.image.height}
            alt=""
            loading="lazy"
            decoding="async"
            className="h-full w-full object-cover transition-transform duration-300 group-hover:scale-[1.02] motion-reduce:transition-none"
          />
        )}
      </span>
      <span className="mt-2 flex items-center gap-2 text-xs font-semibold text-brand">
        {card.sectionName}
        {card.sponsored && <span className="rounded-sm bg-muted/15 px-1.5 py-0.5 text-muted">PR</span>}
      </span>
      <h3 className="mt-1 line-clamp-3 text-[15px] leading-snug font-bold group-hover:underline">{card.headline}</h3>
      <span className="mt-1 block text-xs text-muted">
        <time dateTime={card.datetime}>{card.dateLabel}</time>
      </span>
    </Link>
  );
}
