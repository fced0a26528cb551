import { Picture } from '@/components/media/picture';
import Link from 'next/link';
import type { MagazineIssue } from '@/lib/content';
import { MAGAZINE_PATH } from '@/lib/content/urls';
import { formatIssueDates } from '@/lib/time/jst';
import { RailHeading } from '../rails/rail-heading';

type MagazinePromoProps = { issue: MagazineIssue };

/** The issue on sale now: cover, 特集 title, `2026年3月17日号(3/10発売)`, blurb. */
export function MagazinePromo({ issue }: MagazinePromoProps) {
  return (
    <section aria-labelledby="magazine-promo-heading">
      <RailHeading id="magazine-promo-heading" eyebrow="MAGAZINE">
        最新号
      </RailHeading>
      <div className="flex gap-4">
        <Link href={issue.url} className="w-28 shrink-0">
          <Picture
            src={issue.cover.src}
            alt={issue.cover.alt}
            width={issue.cover.width}
            height={issue.cover.height}
            sizes="112px"
            className="h-auto w-full border border-rule shadow-sm"
          />
        </Link>
        <div className="min-w-0 space-y-1.5">
          <p className="text-xs font-semibold text-brand">特集</p>
          <p className="leading-snug font-bold">
            <Link href={issue.url} className="hover:underline">
              {issue.featureTitle}
            </Link>
          </p>
          <p className="text-xs text-muted">{formatIssueDates(issue.issueDate, issue.onSaleDate)}</p>
          <p className="line-clamp-4 text-sm leading-relaxed text-muted">{issue.blurb}</p>
        </div>
      </div>
      <p className="mt-3 text-right text-sm">
        <Link href={MAGAZINE_PATH} className="text-brand hover:underline">
          バックナンバー一覧 →
        </Link>
      </p>
    </section>
  );
}
