import type { ArticleSummary } from '../content/types';
import { splitPhrases } from '../text/phrases';
import { formatJstDate, toJstIso } from '../time/jst';
import type { CardImage } from './card-image';

/**
 * One card of あわせて読みたい, shaped on the server so the browser gets
 * everything ready to render: the date already in Japan time, the picture as
 * its stored path and size (the card builds its srcset, lib/related/card-image.ts;
 * the client never loads next/image). Serialisable: it travels in the page's
 * RSC payload and in the JSON route, so it carries nothing the card can derive.
 */
export type RelatedCard = {
  id: string;
  url: string;
  headline: string;
  /** The headline in phrases (文節), so the card wraps only between them (the browser has no BudouX). */
  headlinePhrases: string[];
  sectionName: string;
  sponsored: boolean;
  /** A live page whose coverage is running: the card says 「LIVE」. */
  liveNow: boolean;
  /** `datetime` of the date (+09:00). */
  datetime: string;
  dateLabel: string;
  image: CardImage | null;
};

/** A related article as a carousel card. */
export function toRelatedCard(article: ArticleSummary): RelatedCard {
  return {
    id: article.id,
    url: article.url,
    headline: article.headline,
    headlinePhrases: splitPhrases(article.headline),
    sectionName: article.section.name,
    sponsored: article.sponsored,
    liveNow: article.liveNow === true,
    datetime: toJstIso(article.publishedAt),
    dateLabel: formatJstDate(article.publishedAt),
    image: article.hero && { src: article.hero.src, width: article.hero.width, height: article.hero.height },
  };
}
