import type { ReactNode } from 'react';
import Link from 'next/link';
import { PhraseText } from '@/components/article/phrase-text';
import { SearchForm } from '@/components/search/search-form';

const NOT_FOUND_MESSAGE = 'URLが間違っているか、ページが移動または削除された可能性があります。キーワードで検索するか、トップページやセクションから記事をお探しください。';

type NotFoundViewProps = {
  children?: ReactNode;
  /** The small line above the heading: the status in words. */
  eyebrow?: string;
  title?: string;
  message?: string;
};

/**
 * What a reader sees for an address we do not have: what happened, a search
 * box and a way home, so a mistyped or retired link is not a dead end.
 * `children` is whatever the route adds below (the site's newest headlines).
 * A withdrawn article (410) says so in its own words (app/(site)/articles/withdrawn).
 */
export function NotFoundView({ children, eyebrow = '404 NOT FOUND', title = 'お探しのページは見つかりませんでした', message = NOT_FOUND_MESSAGE }: NotFoundViewProps) {
  return (
    <div className="mx-auto max-w-xl py-16">
      <div className="text-center">
        <p className="text-sm font-bold tracking-widest text-brand">{eyebrow}</p>
        <h1 className="mt-2 text-2xl font-bold">
          <PhraseText text={title} />
        </h1>
        <p className="mt-4 leading-relaxed text-muted">
          <PhraseText text={message} />
        </p>
      </div>
      <div className="mt-8 flex justify-center">
        <SearchForm id="not-found-q" />
      </div>
      <p className="mt-6 text-center">
        <Link href="/" className="inline-block bg-brand-fill px-6 py-2.5 font-bold text-white hover:bg-brand-fill-dark">
          トップページへ
        </Link>
      </p>
      {children}
    </div>
  );
}
