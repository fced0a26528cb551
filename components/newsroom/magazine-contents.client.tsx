'use client';
// Client: the desk picks the articles by headline, orders and removes them in place, and hears each change announced.

import Link from 'next/link';
import { useState } from 'react';
import { articlePreviewPath } from '@/lib/content/urls';
import { STATUS_LABELS } from '@/lib/newsroom/labels';
import { MAGAZINE_LIMITS, type MagazineArticle } from '@/lib/newsroom/magazine-rules';
import { formatDateline } from '@/lib/time/jst';

type MagazineContentsProps = {
  /** The field's id: a refusal on the contents focuses its heading. */
  id: string;
  articles: MagazineArticle[];
  error: string | null;
  onChange: (articles: MagazineArticle[], announcement: string) => void;
};

type ArticlePickerProps = {
  articles: MagazineArticle[];
  candidates: MagazineArticle[];
  onChange: (articles: MagazineArticle[], announcement: string) => void;
};

/** How many matching articles the picker lists at once; the filter narrows the rest (as on the front page and the newsletter). */
const SHOWN_CANDIDATES = 30;

function statusNote(article: MagazineArticle): string {
  return article.visible ? STATUS_LABELS.published : `${STATUS_LABELS[article.status]}・公開されるまで読者には表示されません`;
}

/**
 * 目次: the articles in order, with 上へ / 下へ / 外す. Any status
 * may be placed (a piece to be published on the 発売日); the reader's page
 * shows only public ones, and the list says which are not yet.
 */
export function MagazineContents({ id, articles, error, onChange }: MagazineContentsProps) {
  function move(index: number, by: -1 | 1) {
    const next = [...articles];
    const [article] = next.splice(index, 1);
    if (!article) return;
    next.splice(index + by, 0, article);
    onChange(next, `「${article.headline}」を${index + by + 1}番目に移しました。`);
  }

  function remove(index: number) {
    const article = articles[index];
    if (article) onChange(articles.filter((_, i) => i !== index), `「${article.headline}」を目次から外しました。`);
  }

  return (
    <section aria-labelledby={id} className="rounded border border-rule bg-white p-4">
        <h2 id={id} tabIndex={-1} className="text-lg font-bold">
          目次({articles.length}/{MAGAZINE_LIMITS.contents}本)
        </h2>
        <p className="mt-1 text-sm text-muted">この号に載った記事のうち、サイトで読めるものを並べます。号のページに、この順で表示されます。</p>
        {error && (
          <p role="alert" className="mt-2 text-sm text-brand-dark">
            {error}
          </p>
        )}
        {articles.length === 0 ? (
          <p className="mt-2 text-sm text-muted">まだ記事がありません。下の一覧から加えてください。</p>
        ) : (
          <ol className="mt-2 divide-y divide-rule" data-testid="magazine-contents">
            {articles.map((article, index) => (
              <li key={article.id} className="flex flex-wrap items-start gap-3 py-2.5">
                <span className="w-6 shrink-0 pt-0.5 text-sm font-bold tabular-nums">{index + 1}</span>
                {/* At least 12rem for the headline: on a phone the buttons go under it rather than squeezing it into a column. */}
                <span className="min-w-48 flex-1">
                  <span className="block font-medium [overflow-wrap:anywhere]">{article.headline || '(見出しなし)'}</span>
                  <span className={`block text-xs ${article.visible ? 'text-muted' : 'text-brand-dark'}`}>
                    {article.sectionName} ・ {statusNote(article)}
                  </span>
                  <Link href={articlePreviewPath(article.id)} target="_blank" className="text-xs text-link underline">
                    プレビュー
                  </Link>
                </span>
                <span className="ml-9 flex gap-2 sm:ml-0">
                  <button
                    type="button"
                    onClick={() => move(index, -1)}
                    disabled={index === 0}
                    aria-label={`「${article.headline}」を上へ`}
                    className="rounded border border-rule px-2 py-1 text-sm disabled:opacity-40"
                  >
                    上へ
                  </button>
                  <button
                    type="button"
                    onClick={() => move(index, 1)}
                    disabled={index === articles.length - 1}
                    aria-label={`「${article.headline}」を下へ`}
                    className="rounded border border-rule px-2 py-1 text-sm disabled:opacity-40"
                  >
                    下へ
                  </button>
                  <button type="button" onClick={() => remove(index)} aria-label={`「${article.headline}」を外す`} className="rounded border border-ink px-2 py-1 text-sm">
                    外す
                  </button>
                </span>
              </li>
            ))}
          </ol>
        )}
    </section>
  );
}

/**
 * The newsroom's recent articles to add to the contents, filtered by
 * headline as on the front page and the newsletter (candidates from the
 * server, the filter in the browser).
 */
export function MagazineArticlePicker({ articles, candidates, onChange }: ArticlePickerProps) {
  const [filter, setFilter] = useState('');
  const chosen = new Set(articles.map((a) => a.id));
  const query = filter.trim().toLowerCase();
  const matches = candidates.filter((c) => !query || c.headline.toLowerCase().includes(query));
  const full = articles.length >= MAGAZINE_LIMITS.contents;

  function add(article: MagazineArticle) {
    if (chosen.has(article.id) || full) return;
    onChange([...articles, article], `「${article.headline}」を目次の${articles.length + 1}番目に加えました。`);
  }

  return (
      <section aria-labelledby="magazine-pick-heading" className="rounded border border-rule bg-white p-4">
        <h2 id="magazine-pick-heading" className="text-lg font-bold">
          記事を探して加える
        </h2>
        <label className="mt-2 block text-sm">
          <span className="block font-semibold">見出しで絞り込む</span>
          <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} className="mt-1 block w-full rounded border border-rule bg-white px-2 py-1.5" />
        </label>
        <p className="mt-1 text-xs text-muted">
          最近更新された{candidates.length}本の記事(下書き・予約中を含む)から探します。
          {matches.length > SHOWN_CANDIDATES && `該当${matches.length}本のうち${SHOWN_CANDIDATES}本を表示しています。`}
        </p>
        {matches.length === 0 ? (
          <p className="mt-3 text-sm text-muted">該当する記事はありません。</p>
        ) : (
          <ul className="mt-2 divide-y divide-rule" data-testid="magazine-candidates">
            {matches.slice(0, SHOWN_CANDIDATES).map((article) => (
              <li key={article.id} className="flex flex-wrap items-center gap-3 py-2">
                <span className="min-w-0 flex-1">
                  <span className="block [overflow-wrap:anywhere]">{article.headline || '(見出しなし)'}</span>
                  <span className="text-xs text-muted">
                    {article.sectionName} ・ {article.visible ? STATUS_LABELS.published : STATUS_LABELS[article.status]}
                    {article.publishedAt && ` ・ ${formatDateline(article.publishedAt)}`}
                    {chosen.has(article.id) && ' ・ 目次に掲載中'}
                  </span>
                </span>
                <button
                  type="button"
                  onClick={() => add(article)}
                  disabled={chosen.has(article.id) || full}
                  aria-label={`「${article.headline}」を目次に加える`}
                  className="rounded border border-ink px-2 py-1 text-sm disabled:opacity-40"
                >
                  加える
                </button>
              </li>
            ))}
          </ul>
        )}
        {full && <p className="mt-2 text-xs text-muted">目次は{MAGAZINE_LIMITS.contents}本までです。加えるには、どれかを外してください。</p>}
      </section>
  );
}
