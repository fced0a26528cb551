import { Picture } from '@/components/media/picture';
import Link from 'next/link';
import { ArticleCard } from '@/components/cards/article-card';
import type { ArticleSummary, MagazineIssue } from '@/lib/content';
import { MAGAZINE_PATH } from '@/lib/content/urls';
import { formatIssueDates } from '@/lib/time/jst';

type IssueDetailProps = {
  issue: MagazineIssue;
  current: boolean;
  /** The issue's articles readers can open on the site, in the desk's order (目次); empty hides the list. */
  contents: ArticleSummary[];
};

/** One issue's page: cover, feature, dates and blurb, then the articles of the issue on the site. */
export function IssueDetail({ issue, current, contents }: IssueDetailProps) {
  const contentsHeading = `issue-contents-${issue.slug}`;
  return (
    <div className="space-y-8">
      <article className="grid grid-cols-1 gap-8 sm:grid-cols-[240px_minmax(0,1fr)]">
        <Picture src={issue.cover.src} alt={issue.cover.alt} width={issue.cover.width} height={issue.cover.height} sizes="240px" lead className="h-auto w-full max-w-60 border border-rule shadow" />
        <div className="space-y-3">
          <p className="text-xs font-bold tracking-widest text-brand">MAGAZINE{current && '・最新号'}</p>
          <p className="text-sm text-muted">週刊Kiji {formatIssueDates(issue.issueDate, issue.onSaleDate)}</p>
          <h1 className="text-2xl leading-snug font-bold [overflow-wrap:anywhere] sm:text-3xl">
            <span className="mr-2 text-base text-brand">特集</span>
            {issue.featureTitle}
          </h1>
          <p className="leading-relaxed [overflow-wrap:anywhere]">{issue.blurb}</p>
          <p>
            <Link href={MAGAZINE_PATH} className="text-sm text-brand hover:underline">
              ← バックナンバー一覧
            </Link>
          </p>
        </div>
      </article>
      {contents.length > 0 && (
        <section aria-labelledby={contentsHeading} data-testid="issue-contents">
          <h2 id={contentsHeading} className="mb-4 border-b-2 border-ink pb-1.5 text-lg font-bold">
            この号の記事
          </h2>
          <ol className="grid grid-cols-1 gap-x-6 gap-y-4 sm:grid-cols-2 sm:gap-y-8 lg:grid-cols-3">
            {contents.map((article) => (
              <li key={article.id}>
                <ArticleCard article={article} />
              </li>
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}
