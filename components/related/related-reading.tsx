import { getRelatedCards, type RelatedSliceName } from '@/lib/related';
import { RelatedCarousel } from './related-carousel.client';

type RelatedReadingProps = { articleId: string; slice: RelatedSliceName };

const LABELS: Record<RelatedSliceName, string> = {
  main: 'あわせて読みたい',
  more: 'あわせて読みたい(ほかの記事)',
};

/**
 * あわせて読みたい on an article page: the first cards are rendered here on
 * the server (crawlers and readers without JavaScript get real links), and
 * the carousel takes over in the browser from the same data.
 */
export async function RelatedReading({ articleId, slice }: RelatedReadingProps) {
  const initial = await getRelatedCards(articleId, slice, 1);
  if (!initial || initial.items.length === 0) return null;
  return (
    // Not printed: a printed article is the article alone (print:hidden).
    <div className="print:hidden">
      <RelatedCarousel articleId={articleId} slice={slice} heading="あわせて読みたい" label={LABELS[slice]} initial={initial} />
    </div>
  );
}
