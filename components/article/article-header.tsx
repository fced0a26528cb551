import Link from 'next/link';
import type { Article } from '@/lib/content';
import { authorPath, seriesPath, tagPath, topicPath } from '@/lib/content/urls';
import { Dateline } from './dateline';
import { PhraseText } from './phrase-text';
import { TextSizeSwitch } from './text-size-switch.client';

type ArticleHeaderProps = { article: Article };

/** Topic label, headline wrapped at phrase boundaries, dateline (and 更新) with the 文字サイズ switch, tags. */
export function ArticleHeader({ article }: ArticleHeaderProps) {
  return (
    <header className="space-y-3">
      <p className="flex flex-wrap items-center gap-2 text-sm font-bold">
        {article.topic ? (
          <Link href={topicPath(article.topic.slug)} className="text-brand hover:underline" data-testid="topic-label">
            {article.topic.name}
          </Link>
        ) : (
          <span className="text-brand">{article.section.name}</span>
        )}
        {article.series && (
          <Link href={seriesPath(article.series.slug)} className="rounded-sm border border-rule px-1.5 py-0.5 text-xs font-semibold text-muted hover:border-ink" data-testid="series-label">
            {article.series.sponsored ? `PR・${article.series.name}` : `連載「${article.series.name}」`}
          </Link>
        )}
        {/* A sponsored series names who pays for it on each of its articles too (ADR 0050). */}
        {article.series?.sponsored && article.series.sponsorName && (
          <span className="text-xs font-semibold text-muted" data-testid="sponsor-label">
            {`提供:${article.series.sponsorName}`}
          </span>
        )}
      </p>
      <h1 className="text-2xl leading-snug font-bold sm:text-[1.9rem]">
        <PhraseText text={article.headline} />
      </h1>
      {article.standfirst && (
        <p data-testid="standfirst" className="reading-text-base leading-relaxed text-muted">
          {article.standfirst}
        </p>
      )}
      {/* 文字サイズ beside the dateline, where Japanese news sites put it: before the text it sizes. */}
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
        <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-muted">
          <Dateline date={article.publishedAt} className="font-medium text-ink" />
          {article.isUpdated && <Dateline date={article.updatedAt} prefix="更新 " />}
          <span>約{article.readingMinutes}分で読めます</span>
        </p>
        <TextSizeSwitch />
      </div>
      {article.authors.length > 0 && (
        <p className="text-sm text-muted">
          {article.authors.map((a, i) => (
            <span key={a.slug}>
              {i > 0 && '、'}
              <Link href={authorPath(a.slug)} rel="author" className="hover:underline">
                {a.name}
              </Link>
              ({a.role})
            </span>
          ))}
        </p>
      )}
      {article.tags.length > 0 && (
        <ul aria-label="タグ" className="flex flex-wrap gap-2">
          {article.tags.map((tag) => (
            <li key={tag.slug}>
              <Link
                href={tagPath(tag.slug)}
                className="inline-block rounded-full border border-rule bg-paper px-3 py-1 text-sm hover:border-ink"
              >
                {tag.name}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </header>
  );
}
