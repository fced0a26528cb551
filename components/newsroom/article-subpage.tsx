import Link from 'next/link';
import type { SignedIn } from '@/lib/newsroom/auth';
import { NewsroomHeader } from './newsroom-header';

type ArticleSubpageProps = { signedIn: SignedIn; articleId: string; headline: string; title: string; children: React.ReactNode };

/** The frame of a page about one article: the newsroom bar, the way back to the editor, the title and the article's headline. */
export function ArticleSubpage({ signedIn, articleId, headline, title, children }: ArticleSubpageProps) {
  return (
    <>
      <NewsroomHeader editor={signedIn.editor} csrfToken={signedIn.csrfToken} />
      <main className="mx-auto max-w-4xl px-4 py-6">
        <p className="text-sm">
          <Link href={`/newsroom/articles/${articleId}`} className="underline">
            ← 編集に戻る
          </Link>
        </p>
        <h1 className="mt-2 text-2xl font-bold">{title}</h1>
        <p className="mt-1 text-muted">{headline || '(見出しなし)'}</p>
        {children}
      </main>
    </>
  );
}
