import type { Metadata } from 'next';
import { NewsroomHeader } from '@/components/newsroom/newsroom-header';
import { PictureLibrary } from '@/components/newsroom/picture-library';
import { getPictureLibrary, requireEditor } from '@/lib/newsroom';

export const metadata: Metadata = { title: '写真ライブラリ' };

type PicturesPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : undefined);

/** 写真ライブラリ (docs/adr/0046-picture-library.md): every uploaded picture, newest first, with search. */
export default async function PicturesPage({ searchParams }: PicturesPageProps) {
  const params = await searchParams;
  const signedIn = await requireEditor('/newsroom/pictures');
  const query = one(params.q)?.trim().slice(0, 100) ?? '';
  const library = await getPictureLibrary(query, Number(one(params.page)) || 1);
  return (
    <>
      <NewsroomHeader editor={signedIn.editor} csrfToken={signedIn.csrfToken} />
      <main className="mx-auto max-w-7xl space-y-4 px-4 py-6">
        <div>
          <h1 className="text-2xl font-bold">写真ライブラリ</h1>
          <p className="mt-1 text-sm">アップロードした写真はすべてここに入ります。記事の編集画面の「写真を挿入」「ライブラリから選ぶ」からも使えます。</p>
        </div>
        <PictureLibrary library={library} query={query} csrfToken={signedIn.csrfToken} />
      </main>
    </>
  );
}
