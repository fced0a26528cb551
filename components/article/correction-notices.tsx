import type { ArticleCorrection } from '@/lib/content';
import { Dateline } from './dateline';

type CorrectionNoticesProps = { corrections: ArticleCorrection[] };

/**
 * The article's 訂正 notices, oldest first, each dated in Japan time: a
 * boxed note under the text, on every page of the article, so no reader
 * of any page misses that it was corrected (ADR 0034). Its text follows
 * the reader's 文字サイズ like the body.
 */
export function CorrectionNotices({ corrections }: CorrectionNoticesProps) {
  if (corrections.length === 0) return null;
  return (
    <section aria-labelledby="corrections-heading" className="mt-8 rounded-sm border border-brand/40 border-l-4 border-l-brand bg-brand/5 px-4 py-3" data-testid="corrections">
      <h2 id="corrections-heading" className="text-sm font-bold text-brand-dark">
        訂正
      </h2>
      <ol className="mt-2 space-y-3">
        {corrections.map((c) => (
          <li key={`${c.publishedAt}-${c.text}`} className="space-y-1">
            <Dateline date={c.publishedAt} className="block text-xs text-muted" />
            <p className="reading-text-sm leading-relaxed break-words whitespace-pre-line text-ink">{c.text}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
