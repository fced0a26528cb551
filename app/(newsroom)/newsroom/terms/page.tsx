import type { Metadata } from 'next';
import { NewsroomHeader } from '@/components/newsroom/newsroom-header';
import { TermPagesList } from '@/components/newsroom/term-pages-list';
import { getTermList, isTermKind, requireTermEditor } from '@/lib/newsroom';

export const metadata: Metadata = { title: '特集・連載・筆者' };

type TermsPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : undefined);

/** 特集・連載・筆者 (docs/adr/0050-topic-series-and-author-pages.md): the desk's list of each, with search and article counts. */
export default async function TermsPage({ searchParams }: TermsPageProps) {
  const params = await searchParams;
  const signedIn = await requireTermEditor('/newsroom/terms');
  const kindParam = one(params.kind);
  const kind = isTermKind(kindParam) ? kindParam : 'topics';
  const query = one(params.q)?.trim().slice(0, 100) ?? '';
  const list = await getTermList(kind, query, Number(one(params.page)) || 1);
  const deleted = one(params.deleted)?.slice(0, 40);
  return (
    <>
      <NewsroomHeader editor={signedIn.editor} csrfToken={signedIn.csrfToken} />
      <main className="mx-auto max-w-5xl space-y-4 px-4 py-6">
        <div>
          <h1 className="text-2xl font-bold">特集・連載・筆者</h1>
          <p className="mt-1 text-sm">読者が見る特集(トピック)・連載・筆者のページの名前や説明を編集します。保存するとすぐに読者のページに反映されます。</p>
        </div>
        {deleted && (
          <p role="status" className="rounded border border-rule bg-white px-3 py-2 text-sm">
            「{deleted}」を削除しました。
          </p>
        )}
        <TermPagesList list={list} query={query} />
      </main>
    </>
  );
}
