'use client';
// Client: the desk filters recent articles by headline and orders its choice in place, by mouse or keyboard, hearing each change announced.

import { useState, type ReactNode } from 'react';
import { formatDateline } from '@/lib/time/jst';
import { decideAdd, decideMove, decideRemove, focusFirst, type OrderedArticle } from './article-order';

/**
 * The desk's article pickers, one of each: a finder over the
 * candidates the server sent (the front page, newsletter editions, an
 * issue's contents), and an ordered list with 上へ / 下へ / 外す (editions,
 * the contents). Each caller says what a row shows and what its list is
 * called; the labels, the announcements and where the keyboard goes after
 * each change are the same everywhere: the moved or added article keeps it,
 * a removed one hands it to its neighbour (the front page does the same
 * with its places).
 */

/** What every picker lists: an article as lib/newsroom/desk-articles.ts shapes it. */
export type PickerArticle = OrderedArticle & { sectionName: string; publishedAt: string | null };

/** How many matching articles a finder lists at once; the filter narrows the rest. */
const SHOWN_CANDIDATES = 30;

const headlineOf = (article: { headline: string }) => article.headline || '(見出しなし)';

type ArticleFinderProps<A extends PickerArticle> = {
  /** The id of the section's heading; the filter's is `filterId`. */
  headingId: string;
  filterId: string;
  title: string;
  filterLabel: string;
  /** What the filter matches besides the headline (the newsletter's standfirst). */
  searchText?: (article: A) => string;
  /** The sentence above the list: where the candidates come from. */
  source: ReactNode;
  emptyText: string;
  testId: string;
  candidates: A[];
  /** The first words under a headline (the section, and a status where any may be chosen). */
  describe?: (article: A) => ReactNode;
  /** The last words under it: where the article is placed already, or nothing. */
  note?: (article: A) => string | null;
  /** The row's buttons. */
  actions: (article: A) => ReactNode;
  /** Below the list: why the buttons are off, when they are. */
  footer?: ReactNode;
  className?: string;
};

/**
 * The newsroom's recent articles to choose from, filtered by headline in the
 * browser (candidates from the server, lib/newsroom/desk-articles.ts), with
 * each caller's buttons on every row.
 */
export function ArticleFinder<A extends PickerArticle>(props: ArticleFinderProps<A>) {
  const { headingId, filterId, title, filterLabel, searchText, source, emptyText, testId, candidates, describe, note, actions, footer, className = '' } = props;
  const [filter, setFilter] = useState('');
  const query = filter.trim().toLowerCase();
  const matches = candidates.filter((c) => !query || c.headline.toLowerCase().includes(query) || (searchText?.(c) ?? '').toLowerCase().includes(query));

  return (
    <section aria-labelledby={headingId} className={`rounded border border-rule bg-white p-4 ${className}`.trim()}>
      <h2 id={headingId} className="text-lg font-bold">
        {title}
      </h2>
      <label className="mt-2 block text-sm">
        <span className="block font-semibold">{filterLabel}</span>
        <input id={filterId} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} className="mt-1 block w-full rounded border border-rule bg-white px-2 py-1.5" />
      </label>
      <p className="mt-1 text-xs text-muted">
        {source}
        {matches.length > SHOWN_CANDIDATES && `該当${matches.length}本のうち${SHOWN_CANDIDATES}本を表示しています。`}
      </p>
      {matches.length === 0 ? (
        <p className="mt-3 text-sm text-muted">{emptyText}</p>
      ) : (
        <ul className="mt-2 divide-y divide-rule" data-testid={testId}>
          {matches.slice(0, SHOWN_CANDIDATES).map((article) => {
            const placed = note?.(article);
            return (
              <li key={article.id} className="flex flex-wrap items-center gap-3 py-2">
                <span className="min-w-0 flex-1">
                  <span className="block [overflow-wrap:anywhere]">{headlineOf(article)}</span>
                  <span className="text-xs text-muted">
                    {describe ? describe(article) : article.sectionName}
                    {article.publishedAt && ` ・ ${formatDateline(article.publishedAt)}`}
                    {placed && ` ・ ${placed}`}
                  </span>
                </span>
                <span className="flex gap-2">{actions(article)}</span>
              </li>
            );
          })}
        </ul>
      )}
      {footer}
    </section>
  );
}

type OrderedArticlesProps<A extends PickerArticle> = {
  /** Starts the ids of the list's buttons (`{idPrefix}-up-{article id}`) and of the finder's filter (`{idPrefix}-filter`). */
  idPrefix: string;
  articles: A[];
  /** What the list is called in announcements and labels (目次), or null for plain 「…」を外しました. */
  listName: string | null;
  onChange: (articles: A[], announcement: string) => void;
};

type OrderedArticleListProps<A extends PickerArticle> = OrderedArticlesProps<A> & {
  testId: string;
  /** The article's part of its row: headline and whatever the caller says of it. */
  renderArticle: (article: A) => ReactNode;
  /** On a phone the buttons go under the article (indented to its headline) rather than squeezing it. */
  stackOnPhone?: boolean;
};

/** The chosen articles in order, each with 上へ / 下へ / 外す; the keyboard follows the article it moved. */
export function OrderedArticleList<A extends PickerArticle>({ idPrefix, articles, listName, onChange, testId, renderArticle, stackOnPhone = false }: OrderedArticleListProps<A>) {
  const id = (action: 'up' | 'down' | 'remove', article: A) => `${idPrefix}-${action}-${article.id}`;

  function move(index: number, by: -1 | 1) {
    const moved = decideMove(articles, index, by);
    if (!moved) return;
    onChange(moved.articles, moved.announcement);
    focusFirst(moved.focus.map((action) => id(action, moved.article)));
  }

  function remove(index: number) {
    const removed = decideRemove(articles, index, listName);
    if (!removed) return;
    onChange(removed.articles, removed.announcement);
    focusFirst(removed.focusOn ? [id('remove', removed.focusOn)] : [`${idPrefix}-filter`]);
  }

  if (articles.length === 0) return <p className="mt-2 text-sm text-muted">まだ記事がありません。下の一覧から加えてください。</p>;
  const button = 'rounded border border-rule px-2 py-1 text-sm disabled:opacity-40';
  return (
    <ol className="mt-2 divide-y divide-rule" data-testid={testId}>
      {articles.map((article, index) => (
        <li key={article.id} className="flex flex-wrap items-start gap-3 py-2.5">
          <span className="w-6 shrink-0 pt-0.5 text-sm font-bold tabular-nums">{index + 1}</span>
          {renderArticle(article)}
          <span className={stackOnPhone ? 'ml-9 flex gap-2 sm:ml-0' : 'flex gap-2'}>
            <button type="button" id={id('up', article)} onClick={() => move(index, -1)} disabled={index === 0} aria-label={`「${article.headline}」を上へ`} className={button}>
              上へ
            </button>
            <button
              type="button"
              id={id('down', article)}
              onClick={() => move(index, 1)}
              disabled={index === articles.length - 1}
              aria-label={`「${article.headline}」を下へ`}
              className={button}
            >
              下へ
            </button>
            <button type="button" id={id('remove', article)} onClick={() => remove(index)} aria-label={`「${article.headline}」を外す`} className="rounded border border-ink px-2 py-1 text-sm">
              外す
            </button>
          </span>
        </li>
      ))}
    </ol>
  );
}

type OrderedArticleFinderProps<A extends PickerArticle> = OrderedArticlesProps<A> &
  Omit<ArticleFinderProps<A>, 'filterId' | 'note' | 'actions' | 'footer'> & {
    /** The most the list may hold. */
    limit: number;
  };

/** A finder whose 加える puts the article at the end of an {@link OrderedArticleList}, and hands it the keyboard. */
export function OrderedArticleFinder<A extends PickerArticle>({ idPrefix, articles, listName, onChange, limit, ...finder }: OrderedArticleFinderProps<A>) {
  const chosen = new Set(articles.map((a) => a.id));
  const full = articles.length >= limit;

  function add(article: A) {
    const added = decideAdd(articles, article, limit, listName);
    if (!added) return;
    onChange(added.articles, added.announcement);
    focusFirst(added.focus.map((action) => `${idPrefix}-${action}-${article.id}`));
  }

  return (
    <ArticleFinder
      {...finder}
      filterId={`${idPrefix}-filter`}
      note={(article) => (chosen.has(article.id) ? (listName ? `${listName}に掲載中` : '掲載中') : null)}
      actions={(article) => (
        <button
          type="button"
          onClick={() => add(article)}
          disabled={chosen.has(article.id) || full}
          aria-label={`「${article.headline}」を${listName ? `${listName}に` : ''}加える`}
          className="rounded border border-ink px-2 py-1 text-sm disabled:opacity-40"
        >
          加える
        </button>
      )}
      footer={full && <p className="mt-2 text-xs text-muted">{`${listName ?? '記事'}は`}{limit}本までです。加えるには、どれかを外してください。</p>}
    />
  );
}
