import type { ReactNode } from 'react';
import type { ArticleSummary, Paged } from '@/lib/content';
import { ArticleCard } from '../cards/article-card';
import { Pagination } from './pagination';

type ListingViewProps = {
  eyebrow: string;
  title: string;
  description?: string | null;
  /** Shown under the heading instead of the description (an author's profile, a sponsored series' 提供 notice). */
  intro?: ReactNode;
  articles: Paged<ArticleSummary>;
  hrefFor: (page: number) => string;
  emptyMessage?: string;
};

/** A section, topic, tag or series page: heading, cards, numbered pagination. */
export function ListingView({ eyebrow, title, description, intro, articles, hrefFor, emptyMessage = 'まだ記事がありません。' }: ListingViewProps) {
  return (
    <div>
      <header className="mb-6 border-b-2 border-ink pb-3">
        <p className="text-xs font-bold tracking-widest text-brand">{eyebrow}</p>
        <h1 className="mt-1 text-2xl font-bold sm:text-3xl">{title}</h1>
        {intro ?? (description && <p className="mt-2 text-sm text-muted">{description}</p>)}
        <p className="mt-2 text-xs text-muted">
          {articles.totalItems}件{articles.totalPages > 1 && `(${articles.page} / ${articles.totalPages}ページ)`}
        </p>
      </header>
      {/* The cards' headlines are h3s; this keeps the outline h1 › h2 › h3 for screen readers and validators. */}
      <h2 className="sr-only">記事一覧</h2>
      {articles.items.length === 0 ? (
        <p className="py-10 text-center text-muted">{emptyMessage}</p>
      ) : (
        <ul className="grid grid-cols-1 gap-x-6 gap-y-4 sm:grid-cols-2 sm:gap-y-8 lg:grid-cols-3">
          {articles.items.map((article) => (
            <li key={article.id}>
              <ArticleCard article={article} />
            </li>
          ))}
        </ul>
      )}
      <Pagination page={articles.page} totalPages={articles.totalPages} hrefFor={hrefFor} />
    </div>
  );
}
