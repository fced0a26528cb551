import { Picture } from '@/components/media/picture';
import Link from 'next/link';
import type { ArticleSummary } from '@/lib/content';
import { formatJstDate, toJstIso } from '@/lib/time/jst';

/**
 * The home page's lead card: three fifths (less the 24 px gap) of the main
 * column from 768 px, the whole column below (see HERO_SIZES for the column).
 */
const LEAD_CARD_SIZES =
  '(min-width: 1152px) 442px, (min-width: 1024px) calc((100vw - 416px) * 0.6), (min-width: 768px) calc((100vw - 56px) * 0.6), calc(100vw - 32px)';
const CARD_SIZES = '(max-width: 640px) 100vw, (max-width: 1024px) 50vw, 280px';

type ArticleCardProps = { article: ArticleSummary; size?: 'lead' | 'regular' };

/** A story with its picture, section label, headline (clipped) and date. */
export function ArticleCard({ article, size = 'regular' }: ArticleCardProps) {
  const lead = size === 'lead';
  return (
    <article className="group relative flex flex-col gap-2">
      {article.hero && (
        <div className="aspect-video overflow-hidden bg-paper">
          <Picture
            src={article.hero.src}
            alt={article.hero.alt}
            width={article.hero.width}
            height={article.hero.height}
            sizes={lead ? LEAD_CARD_SIZES : CARD_SIZES}
            className="h-full w-full object-cover transition-transform duration-300 group-hover:scale-[1.02] motion-reduce:transition-none"
          />
        </div>
      )}
      <p className="flex items-center gap-2 text-xs font-semibold text-brand">
        <span>{article.section.name}</span>
        {article.sponsored && <span className="rounded-sm bg-muted/15 px-1.5 py-0.5 text-muted">PR</span>}
      </p>
      {/* overflow-wrap: a newsroom headline may hold a long URL or code that would otherwise widen the page on phones. */}
      <h3
        className={`[overflow-wrap:anywhere] ${lead ? 'text-xl leading-snug font-bold sm:text-2xl' : 'line-clamp-3 text-base leading-snug font-bold'}`}
      >
        <Link href={article.url} className="after:absolute after:inset-0 hover:underline">
          {article.headline}
        </Link>
      </h3>
      {lead && article.standfirst && <p className="text-sm leading-relaxed text-muted">{article.standfirst}</p>}
      <p className="text-xs text-muted">
        <time dateTime={toJstIso(article.publishedAt)}>{formatJstDate(article.publishedAt)}</time>
      </p>
    </article>
  );
}
