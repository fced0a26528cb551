import { Picture } from '@/components/media/picture';
import Link from 'next/link';
import type { MagazineIssue } from '@/lib/content';
import { formatIssueDates } from '@/lib/time/jst';

/** A back-number in the magazine list. */
export function IssueCard({ issue }: { issue: MagazineIssue }) {
  return (
    <article className="group relative space-y-2">
      <Picture src={issue.cover.src} alt={issue.cover.alt} width={issue.cover.width} height={issue.cover.height} sizes="(max-width: 640px) 50vw, 200px" className="h-auto w-full border border-rule" />
      <p className="text-xs text-muted">{formatIssueDates(issue.issueDate, issue.onSaleDate)}</p>
      <h2 className="text-sm leading-snug font-bold">
        <Link href={issue.url} className="after:absolute after:inset-0 group-hover:underline">
          {issue.featureTitle}
        </Link>
      </h2>
    </article>
  );
}
