import type { Article } from '@/lib/content';
import type { LiveStream } from '@/lib/live';
import { LiveStreamView } from '@/components/live/live-stream';
import { AttributionBlock } from './attribution';
import { ArticlePager } from './article-pager';
import { ArticleHeader } from './article-header';
import { BodyBlocks } from './body-blocks';
import { CorrectionNotices } from './correction-notices';
import { HeroFigure } from './hero-figure';
import { ViewBeacon } from './view-beacon.client';

type ArticleViewProps = {
  article: Article;
  page: number;
  /**
   * An editor's or preview-link holder's view: nothing that counts readers
   * renders (no beacon for 人気ランキング), and page links stay at the
   * preview address.
   */
  preview?: boolean;
  /** What follows the article on the public page (related reading, signup); the newsroom's live preview has none. */
  children?: React.ReactNode;
  /** A live page's stream, shown after the body (its lead) and before the 訂正 notices. */
  live?: LiveStream | null;
};

/** One page of an article as readers see it. */
export function ArticleView({ article, page, preview = false, children, live }: ArticleViewProps) {
  const blocks = article.pages[page - 1] ?? [];
  const lastPage = page === article.pages.length;
  return (
    <article className="space-y-6" data-preview={preview || undefined}>
      <ArticleHeader article={article} />
      {article.hero && page === 1 && <HeroFigure hero={article.hero} lead />}
      {page > 1 && (
        <p className="text-sm text-muted">
          {page}/{article.pages.length}ページ
        </p>
      )}
      <div className="max-w-[720px]">
        <BodyBlocks blocks={blocks} />
        {live && (
          <div className="mt-8">
            <LiveStreamView stream={live} preview={preview} />
          </div>
        )}
        {/* `?? []`: an Article cached by a build before ADR 0034 has no `corrections` until it is next rendered. */}
        <CorrectionNotices corrections={article.corrections ?? []} />
        {lastPage && article.attribution && <AttributionBlock attribution={article.attribution} />}
      </div>
      <ArticlePager id={article.id} page={page} totalPages={article.pages.length} preview={preview} />
      {!preview && <ViewBeacon articleId={article.id} />}
      {children}
    </article>
  );
}
