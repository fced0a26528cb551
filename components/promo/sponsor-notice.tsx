import type { Series } from '@/lib/content';

type SponsorNoticeProps = { series: Pick<Series, 'name' | 'sponsorName'> };

/**
 * What a sponsored series' page says before its articles (ADR 0050): that
 * it is advertising and who pays for it, in words a reader cannot miss
 * (景品表示法's rule on undisclosed advertising, in force since October
 * 2023, asks that an advertisement be recognisable as one).
 */
export function SponsorNotice({ series }: SponsorNoticeProps) {
  return (
    <div className="mt-3 rounded border border-rule bg-surface px-3 py-2 text-sm" data-testid="sponsor-notice">
      <p className="font-bold">
        <span className="mr-2 rounded-sm bg-muted/15 px-1.5 py-0.5 text-xs">PR</span>
        {series.sponsorName ? `提供:${series.sponsorName}` : '広告企画'}
      </p>
      <p className="mt-1 text-muted">
        連載「{series.name}」は{series.sponsorName ? `${series.sponsorName}の提供による` : ''}広告企画です。
      </p>
    </div>
  );
}
