'use client';
// Client: the desk picks the articles by headline, orders and removes them in place, and hears each change announced.

import Link from 'next/link';
import { articlePreviewPath } from '@/lib/content/urls';
import { STATUS_LABELS } from '@/lib/newsroom/labels';
import { MAGAZINE_LIMITS, type MagazineArticle } from '@/lib/newsroom/magazine-rules';
import { OrderedArticleFinder, OrderedArticleList } from './article-picker.client';

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

/** The contents' and the picker's buttons and filter (article-picker.client.tsx). */
const ID_PREFIX = 'magazine';
const LIST_NAME = '目次';

function statusNote(article: MagazineArticle): string {
  return article.visible ? STATUS_LABELS.published : `${STATUS_LABELS[article.status]}・公開されるまで読者には表示されません`;
}

/**
 * 目次: the articles in order, with 上へ / 下へ / 外す. Any status
 * may be placed (a piece to be published on the 発売日); the reader's page
 * shows only public ones, and the list says which are not yet.
 */
export function MagazineContents({ id, articles, error, onChange }: MagazineContentsProps) {
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
      <OrderedArticleList
        idPrefix={ID_PREFIX}
        articles={articles}
        listName={LIST_NAME}
        onChange={onChange}
        testId="magazine-contents"
        stackOnPhone
        renderArticle={(article) => (
          // At least 12rem for the headline: on a phone the buttons go under it rather than squeezing it into a column.
          <span className="min-w-48 flex-1">
            <span className="block font-medium [overflow-wrap:anywhere]">{article.headline || '(見出しなし)'}</span>
            <span className={`block text-xs ${article.visible ? 'text-muted' : 'text-brand-dark'}`}>
              {article.sectionName} ・ {statusNote(article)}
            </span>
            <Link href={articlePreviewPath(article.id)} target="_blank" className="text-xs text-link underline">
              プレビュー
            </Link>
          </span>
        )}
      />
    </section>
  );
}

/** The newsroom's recent articles of any status but deleted, to add to the contents. */
export function MagazineArticlePicker({ articles, candidates, onChange }: ArticlePickerProps) {
  return (
    <OrderedArticleFinder
      idPrefix={ID_PREFIX}
      articles={articles}
      listName={LIST_NAME}
      onChange={onChange}
      limit={MAGAZINE_LIMITS.contents}
      headingId="magazine-pick-heading"
      title="記事を探して加える"
      filterLabel="見出しで絞り込む"
      source={<>最近更新された{candidates.length}本の記事(下書き・予約中を含む)から探します。</>}
      emptyText="該当する記事はありません。"
      testId="magazine-candidates"
      candidates={candidates}
      describe={(article) => (
        <>
          {article.sectionName} ・ {article.visible ? STATUS_LABELS.published : STATUS_LABELS[article.status]}
        </>
      )}
    />
  );
}
