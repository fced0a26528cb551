import Link from 'next/link';
import { searchPath, type SearchResults as Results, type TextSegment } from '@/lib/content';
import { formatJstDate } from '@/lib/time/jst';
import { PhraseText } from '../article/phrase-text';
import { Pagination } from '../listing/pagination';
import { PERIOD_LABELS } from './filter-labels';

type SearchResultsProps = { results: Results };

function Highlighted({ segments }: { segments: TextSegment[] }) {
  return (
    <>
      {segments.map((s, i) =>
        s.match ? (
          <mark key={i} className="bg-yellow-200 px-0.5 text-neutral-950">
            {s.text}
          </mark>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </>
  );
}

/**
 * The hits of a search: headline and snippet with the words marked, section
 * and date, numbered pages (keeping the reader's order and period), and a
 * word on what was not searched: a query cut short, one-character words
 * looked for in headlines and standfirsts only.
 */
export function SearchResults({ results }: SearchResultsProps) {
  const { query, filters } = results;
  const hrefFor = (n: number) => searchPath(query.text, filters, n);
  return (
    <section aria-labelledby="search-results-heading">
      <h2 id="search-results-heading" className="mb-4 text-sm text-muted">
        「<span className="font-bold text-ink">{query.text}</span>」の検索結果 {results.totalItems.toLocaleString('ja-JP')}件{results.totalCapped && '以上'}
        {results.totalPages > 1 && `(${results.page} / ${results.totalPages}ページ)`}
      </h2>
      {query.truncated && (
        <p className="mb-4 border-l-4 border-brand bg-paper px-3 py-2 text-sm">
          検索語が長すぎるため、先頭の部分だけで検索しました(最大100文字・5語まで)。
        </p>
      )}
      {query.titleOnlyTerms.length > 0 && (
        <p className="mb-4 border-l-4 border-brand bg-paper px-3 py-2 text-sm">
          <PhraseText
            text={`1文字の語(${query.titleOnlyTerms.map((t) => `「${t}」`).join('')})は見出しとリードだけから探しています。本文まで探すには、2文字以上の語で検索してください。`}
          />
        </p>
      )}
      {results.items.length === 0 ? (
        <div className="py-10 text-center text-muted">
          {/* Centred fixed texts: wrapped between phrases, not 「くださ/い。」. */}
          <p className="font-bold text-ink">
            <PhraseText text="該当する記事は見つかりませんでした。" />
          </p>
          <p className="mt-2 text-sm">
            <PhraseText
              text={`別のキーワードや、より短い言葉で検索してみてください。${filters.period !== 'all' ? `期間を「${PERIOD_LABELS.all}」にすると見つかるかもしれません。` : ''}`}
            />
          </p>
        </div>
      ) : (
        <ol className="divide-y divide-rule">
          {results.items.map(({ article, headline, snippet }) => (
            <li key={article.id} className="py-4">
              <p className="mb-1 flex gap-2 text-xs text-muted">
                <span className="font-semibold text-brand">{article.section.name}</span>
                <time dateTime={article.publishedAt}>{formatJstDate(article.publishedAt)}</time>
              </p>
              <h3 className="text-lg leading-snug font-bold">
                <Link href={article.url} className="hover:underline">
                  <Highlighted segments={headline} />
                </Link>
              </h3>
              {snippet.length > 0 && (
                <p className="mt-1.5 text-sm leading-relaxed text-muted">
                  <Highlighted segments={snippet} />
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
      <Pagination page={results.page} totalPages={results.totalPages} hrefFor={hrefFor} label="検索結果のページ" />
    </section>
  );
}
