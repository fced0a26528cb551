import Link from 'next/link';
import type { Series } from '@/lib/content';
import { seriesPath } from '@/lib/content/urls';
import { RailHeading } from '../rails/rail-heading';

type SeriesPromoProps = { series: Series[] };

/** Links to the running series; sponsored ones are labelled as such. */
export function SeriesPromo({ series }: SeriesPromoProps) {
  if (series.length === 0) return null;
  return (
    <section aria-labelledby="series-promo-heading">
      <RailHeading id="series-promo-heading" eyebrow="SERIES">
        連載
      </RailHeading>
      <ul className="space-y-2">
        {series.map((s) => (
          <li key={s.slug}>
            <Link href={seriesPath(s.slug)} className="block border border-rule px-3 py-2 hover:bg-paper">
              {s.sponsored && <span className="mr-2 text-xs text-muted">PR</span>}
              <span className="font-bold">{s.name}</span>
              <span className="mt-0.5 block text-xs text-muted">{s.description}</span>
              {s.sponsored && s.sponsorName && <span className="mt-0.5 block text-xs text-muted">{`提供:${s.sponsorName}`}</span>}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
