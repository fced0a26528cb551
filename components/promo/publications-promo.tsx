import { Picture } from '@/components/media/picture';
import Link from 'next/link';
import type { Publication } from '@/lib/content';
import { PUBLICATIONS_PATH } from '@/lib/content/urls';
import { RailHeading } from '../rails/rail-heading';

type PublicationsPromoProps = { publications: Publication[] };

/** Mooks and special editions on sale (好評発売中). */
export function PublicationsPromo({ publications }: PublicationsPromoProps) {
  const onSale = publications.filter((p) => p.onSale).slice(0, 3);
  if (onSale.length === 0) return null;
  return (
    <section aria-labelledby="publications-promo-heading">
      <RailHeading id="publications-promo-heading" eyebrow="MOOK">
        別冊・ムック
      </RailHeading>
      <ul className="space-y-3">
        {onSale.map((p) => (
          <li key={p.slug} className="flex gap-3">
            <Picture src={p.cover.src} alt={p.cover.alt} width={p.cover.width} height={p.cover.height} sizes="64px" className="h-auto w-16 shrink-0 border border-rule" />
            <div className="min-w-0">
              <p className="text-xs font-semibold text-brand">好評発売中</p>
              <p className="text-sm leading-snug font-bold">{p.title}</p>
            </div>
          </li>
        ))}
      </ul>
      <p className="mt-3 text-right text-sm">
        <Link href={PUBLICATIONS_PATH} className="text-brand hover:underline">
          すべて見る →
        </Link>
      </p>
    </section>
  );
}
