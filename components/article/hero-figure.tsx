import { Picture } from '@/components/media/picture';
import type { HeroImage } from '@/lib/content';

type HeroFigureProps = { hero: HeroImage; lead: boolean };

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
        sizes="(max-width: 1024px) 100vw, 760px"
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
