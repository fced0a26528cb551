import { Picture } from '@/components/media/picture';
import Link from 'next/link';
import type { ArticleSummary } from '@/lib/content';
import { PhraseText } from '@/components/article/phrase-text';
import { LiveBadge } from '@/components/live/live-badge';
import { formatJstDate, formatJstTime, toJstIso } from '@/lib/time/jst';

/**
 * The home page's lead card: three fifths (less the 24 px gap) of the main
 * column from 768 px, the whole column below (see HERO_SIZES for the column).
 */
const LEAD_CARD_SIZES =
  '(min-width: 1152px) 442px, (min-width: 1024px) calc((100vw - 416px) * 0.6), (min-width: 768px) calc((100vw - 56px) * 0.6), calc(100vw - 32px)';

/**
 * Regular cards' widths in the two grids that show them: the home page's
 * (two columns from 640 px, four from 1024 px, in the main column) and a
 * listing's (two, then three, across the whole page); gaps 24 px. Below
 * 640 px a regular card is a compact row with a 112 px thumbnail.
 */
export const CARD_SIZES = {
  home: '(min-width: 1152px) 172px, (min-width: 1024px) calc((100vw - 464px) / 4), (min-width: 640px) calc(50vw - 28px), 112px',
  listing: '(min-width: 1152px) 358px, (min-width: 1024px) calc((100vw - 80px) / 3), (min-width: 640px) calc(50vw - 28px), 112px',
} as const;

type ArticleCardProps = { article: ArticleSummary; size?: 'lead' | 'regular'; grid?: keyof typeof CARD_SIZES };

/**
 * A story with its picture, section label, headline (clipped, wrapped between
 * phrases) and when it was published (date and time in Japan: a news site's
 * home changes by the hour). On phones a regular card is a compact row, text
 * beside a small thumbnail, as Japanese news sites list stories: full-width
 * pictures made the home page twelve screens long.
 */
export function ArticleCard({ article, size = 'regular', grid = 'listing' }: ArticleCardProps) {
  const lead = size === 'lead';
  const layout = lead
    ? 'flex flex-col gap-2'
    : `grid ${article.hero ? 'grid-cols-[minmax(0,1fr)_7rem]' : 'grid-cols-1'} content-start gap-x-3 gap-y-1 sm:flex sm:flex-col sm:gap-2`;
  const text = lead ? '' : 'col-start-1';
  return (
    <article data-testid="article-card" className={`group relative ${layout}`}>
      {article.hero && (
        <div className={lead ? 'aspect-video overflow-hidden bg-paper' : 'col-start-2 row-span-3 row-start-1 aspect-video self-start overflow-hidden bg-paper'}>
          <Picture
            src={article.hero.src}
            alt={article.hero.alt}
            width={article.hero.width}
            height={article.hero.height}
            sizes={lead ? LEAD_CARD_SIZES : CARD_SIZES[grid]}
            className="h-full w-full object-cover transition-transform duration-300 group-hover:scale-[1.02] motion-reduce:transition-none"
          />
        </div>
      )}
      <p className={`${text} flex items-center gap-2 text-xs font-semibold text-brand`}>
        {article.liveNow && <LiveBadge />}
        <span>{article.section.name}</span>
        {article.sponsored && <span className="rounded-sm bg-muted/15 px-1.5 py-0.5 text-muted">PR</span>}
      </p>
      {/* overflow-wrap: a newsroom headline may hold a long URL or code that would otherwise widen the page on phones. */}
      <h3
        className={`${text} [overflow-wrap:anywhere] ${lead ? 'text-xl leading-snug font-bold sm:text-2xl' : 'line-clamp-3 text-[0.9375rem] leading-snug font-bold sm:text-base'}`}
      >
        <Link href={article.url} className="after:absolute after:inset-0 hover:underline">
          <PhraseText text={article.headline} />
        </Link>
      </h3>
      {lead && article.standfirst && <p className="text-sm leading-relaxed text-muted">{article.standfirst}</p>}
      <p className={`${text} text-xs text-muted`}>
        <time dateTime={toJstIso(article.publishedAt)}>
          {formatJstDate(article.publishedAt)} {formatJstTime(article.publishedAt)}
        </time>
      </p>
    </article>
  );
}
