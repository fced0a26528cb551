import { Picture } from '@/components/media/picture';
import Link from 'next/link';
import type { MagazineIssue } from '@/lib/content';
import { MAGAZINE_PATH } from '@/lib/content/urls';
import { formatIssueDates } from '@/lib/time/jst';

/** One issue's page: cover, feature, dates and blurb. */
export function IssueDetail({ issue, current }: { issue: MagazineIssue; current: boolean }) {
  return (
    <article className="grid grid-cols-1 gap-8 sm:grid-cols-[240px_minmax(0,1fr)]">
      <Picture src={issue.cover.src} alt={issue.cover.alt} width={issue.cover.width} height={issue.cover.height} sizes="240px" lead className="h-auto w-full max-w-60 border border-rule shadow" />
      <div className="space-y-3">
        <p className="text-xs font-bold tracking-widest text-brand">MAGAZINE{current && '・最新号'}</p>
        <p className="text-sm text-muted">週刊Kiji {formatIssueDates(issue.issueDate, issue.onSaleDate)}</p>
        <h1 className="text-2xl leading-snug font-bold sm:text-3xl">
          <span className="mr-2 text-base text-brand">特集</span>
          {issue.featureTitle}
        </h1>
        <p className="leading-relaxed">{issue.blurb}</p>
        <p>
          <Link href={MAGAZINE_PATH} className="text-sm text-brand hover:underline">
            ← バックナンバー一覧
          </Link>
        </p>
      </div>
    </article>
  );
}
