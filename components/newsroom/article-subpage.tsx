import Link from 'next/link';
import type { SignedIn } from '@/lib/newsroom/auth';
import { NewsroomHeader } from './newsroom-header';

type ArticleSubpageProps = {
  signedIn: SignedIn;
  articleId: string;
  headline: string;
  title: string;
  children: React.ReactNode;
  /** False for a deleted draft (ADR 0041), which has no editor to go back to. */
  backToEditor?: boolean;
  /** A wider page for what shows the article itself (a revision as readers saw it, a comparison). */
  wide?: boolean;
};

/** The frame of a page about one article: the newsroom bar, the way back to the editor, the title and the article's headline. */
export function ArticleSubpage({ signedIn, articleId, headline, title, children, backToEditor = true, wide = false }: ArticleSubpageProps) {
  return (
    <>
      <NewsroomHeader editor={signedIn.editor} csrfToken={signedIn.csrfToken} />
      <main className={`mx-auto px-4 py-6 ${wide ? 'max-w-6xl' : 'max-w-4xl'}`}>
        <p className="text-sm">
          {backToEditor ? (
            <Link href={`/newsroom/articles/${articleId}`} className="underline">
              ← 編集に戻る
            </Link>
          ) : (
            <Link href="/newsroom?status=deleted" className="underline">
              ← 削除済みの下書き
            </Link>
          )}
        </p>
        <h1 className="mt-2 text-2xl font-bold">{title}</h1>
        <p className="mt-1 text-muted">{headline || '(見出しなし)'}</p>
        {children}
      </main>
    </>
  );
}
