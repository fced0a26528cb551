import { ArticleView } from '@/components/article/article-view';
import type { Article } from '@/lib/content';

type DraftPreviewProps = { article: Article; page: number };

/**
 * The editor's side-by-side preview: the public article components
 * (ArticleView: header, hero, body, attribution, pager), rendered on the
 * server exactly as the published page renders them.
 */
export function DraftPreview({ article, page }: DraftPreviewProps) {
  return (
    <div data-testid="live-preview" className="rounded border border-rule bg-white p-4 sm:p-6">
      <ArticleView article={article} page={Math.min(Math.max(1, page), article.pages.length)} preview />
    </div>
  );
}
