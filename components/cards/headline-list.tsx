import Link from 'next/link';
import type { ArticleSummary } from '@/lib/content';
import { formatJstTime, formatShortDate, toJstIso } from '@/lib/time/jst';

type HeadlineListProps = { articles: ArticleSummary[]; showSection?: boolean };

/** Compact text list of stories: time, section label and a one-line clipped headline. */
export function HeadlineList({ articles, showSection = true }: HeadlineListProps) {
  return (
    <ul className="divide-y divide-rule">
      {articles.map((article) => (
        <li key={article.id} className="py-2.5">
          <Link href={article.url} className="group block" title={article.headline}>
            <span className="mb-0.5 flex gap-2 text-xs text-muted">
              <time dateTime={toJstIso(article.publishedAt)}>
                {formatShortDate(article.publishedAt)} {formatJstTime(article.publishedAt)}
              </time>
              {showSection && <span className="font-semibold text-brand">{article.section.name}</span>}
            </span>
            <span className="line-clamp-2 text-[15px] leading-snug font-medium [overflow-wrap:anywhere] group-hover:underline">{article.headline}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
