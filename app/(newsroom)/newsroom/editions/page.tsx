import type { Metadata } from 'next';
import Link from 'next/link';
import { EditionList } from '@/components/newsroom/edition-list';
import { NewsroomHeader } from '@/components/newsroom/newsroom-header';
import { getEditionList, requireEditor } from '@/lib/newsroom';

export const metadata: Metadata = { title: 'メールマガジン' };

/** The newsletter's editions (docs/adr/0044-newsletter-editions.md): drafts, and sent ones with their sent count. */
export default async function EditionsPage() {
  const signedIn = await requireEditor('/newsroom/editions');
  const { editions, confirmedSubscribers } = await getEditionList();
  return (
    <>
      <NewsroomHeader editor={signedIn.editor} csrfToken={signedIn.csrfToken} />
      <main className="mx-auto max-w-4xl space-y-6 px-4 py-6">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <div>
            <h1 className="text-2xl font-bold">メールマガジン</h1>
            <p className="mt-1 text-sm">
              選んだ記事とはじめの文章で号を作り、確認済みの購読者(現在<strong>{confirmedSubscribers}</strong>人)に送ります。送信はデスクと管理者が行います。
            </p>
          </div>
          <Link href="/newsroom/editions/new" className="rounded bg-brand px-4 py-2 text-sm font-bold text-white hover:bg-brand-dark">
            新しい号を作る
          </Link>
        </div>
        <EditionList editions={editions} />
      </main>
    </>
  );
}
