import Link from 'next/link';
import type { ReactNode } from 'react';
import type { Editor } from '@/lib/newsroom/editors';
import { NewsroomHeader } from './newsroom-header';

type MagazineEditorPageProps = {
  signedIn: { editor: Editor; csrfToken: string };
  /** The page's heading: the date, the publication's title, or what a new one is. */
  title: string;
  /** Came back from a first save (`?saved=1`): said once above the form, which starts again from the stored item. */
  saved?: boolean;
  children: ReactNode;
};

/** The magazine desk's editing pages (an issue, a publication, new or stored): the bar, the way back to the list, the heading. */
export function MagazineEditorPage({ signedIn, title, saved = false, children }: MagazineEditorPageProps) {
  return (
    <>
      <NewsroomHeader editor={signedIn.editor} csrfToken={signedIn.csrfToken} />
      <main className="mx-auto max-w-7xl space-y-4 px-4 py-6">
        <p className="text-sm">
          <Link href="/newsroom/magazine" className="text-link underline">
            雑誌・別冊
          </Link>
        </p>
        <h1 className="text-2xl font-bold [overflow-wrap:anywhere]">{title}</h1>
        {saved && (
          <p role="status" className="rounded border border-rule bg-white px-3 py-2 text-sm">
            保存しました。
          </p>
        )}
        {children}
      </main>
    </>
  );
}
