import { Picture } from '@/components/media/picture';
import type { HeroImage } from '@/lib/content';

type HeroFigureProps = { hero: HeroImage; lead: boolean };

/**
 * The hero's CSS width in the article column (components/layout): the page is
 * at most 1152 px (max-w-6xl) with 16 px padding each side; from 1024 px
 * (Tailwind's lg) the column shares it with a 40 px gap and the 320 px
 * sidebar, so it is 760 px at full width. Exact, so a phone at 390 px asks for
 * 358 px × its pixel ratio and not the whole viewport's.
 */
export const HERO_SIZES = '(min-width: 1152px) 760px, (min-width: 1024px) calc(100vw - 392px), calc(100vw - 32px)';
/** The narrowest (a 320 px phone) and widest (a 1023 px window, before the sidebar) of HERO_SIZES. */
const HERO_DRAWN = { min: 288, max: 991 };

/**
 * The article's picture with caption and credit kept apart. On the page it
 * leads, it is the largest paint, so it loads first; elsewhere it waits.
 */
export function HeroFigure({ hero, lead }: HeroFigureProps) {
  return (
    <figure className="space-y-2">
      <Picture
        src={hero.src}
        alt={hero.alt}
        width={hero.width}
        height={hero.height}
        sizes={HERO_SIZES}
        drawn={HERO_DRAWN}
        lead={lead}
        className="h-auto w-full bg-paper"
      />
      {(hero.caption || hero.credit) && (
        <figcaption className="text-sm leading-relaxed text-muted">
          {hero.caption && <span>{hero.caption}</span>}
          {hero.credit && <span className="credit ml-2 text-xs whitespace-nowrap">写真:{hero.credit}</span>}
        </figcaption>
      )}
    </figure>
  );
}
