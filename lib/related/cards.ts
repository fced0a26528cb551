import { getImageProps } from 'next/image';
import type { ArticleSummary } from '../content/types';
import { trimSrcSet } from '../media/srcset';
import { formatJstDate, toJstIso } from '../time/jst';

/**
 * One card of あわせて読みたい, shaped on the server so the browser gets
 * everything ready to render: the image's srcset from next/image's
 * configuration (the client never loads next/image), the date already in
 * Japan time. Serialisable: it travels in the page and in the JSON route.
 */
export type RelatedCard = {
  id: string;
  url: string;
  headline: string;
  sectionName: string;
  sponsored: boolean;
  /** `datetime` of the date (+09:00). */
  datetime: string;
  dateLabel: string;
  image: { src: string; srcSet: string | undefined; sizes: string | undefined; width: number; height: number } | null;
};

// Slide widths in the carousel: 70 % of a phone, a third of a tablet, a quarter of the desktop main column.
const CARD_SIZES = '(max-width: 640px) 70vw, (max-width: 1024px) 33vw, 200px';
// The narrowest slide (a quarter of the 1024 px desktop column, about 144 px) and the widest (70 % of a 640 px phone).
const CARD_DRAWN = { min: 144, max: 448 };

/** A related article as a carousel card. */
export function toRelatedCard(article: ArticleSummary): RelatedCard {
  let image: RelatedCard['image'] = null;
  if (article.hero) {
    const { props } = getImageProps({ src: article.hero.src, width: article.hero.width, height: article.hero.height, alt: '', sizes: CARD_SIZES });
    // Five candidates instead of eight: each card's srcset is in the page twice (HTML and RSC payload) and in the JSON route.
    const { src, srcSet } = trimSrcSet(props, CARD_DRAWN);
    image = { src, srcSet, sizes: props.sizes, width: article.hero.width, height: article.hero.height };
  }
  return {
    id: article.id,
    url: article.url,
    headline: article.headline,
    sectionName: article.section.name,
    sponsored: article.sponsored,
    datetime: toJstIso(article.publishedAt),
    dateLabel: formatJstDate(article.publishedAt),
    image,
  };
}
