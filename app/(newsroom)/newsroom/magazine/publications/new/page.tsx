import type { Metadata } from 'next';
import Link from 'next/link';
import { MagazinePublicationEditor } from '@/components/newsroom/magazine-publication-editor.client';
import { NewsroomHeader } from '@/components/newsroom/newsroom-header';
import { requireMagazineDesk } from '@/lib/newsroom';

export const metadata: Metadata = { title: '別冊・ムックを追加' };

/** A new MOOK or special edition: nothing is stored until 作成. */
export default async function NewPublicationPage() {
  const signedIn = await requireMagazineDesk('/newsroom/magazine/publications/new');
  return (
    <>
      <NewsroomHeader editor={signedIn.editor} csrfToken={signedIn.csrfToken} />
      <main className="mx-auto max-w-7xl space-y-4 px-4 py-6">
        <p className="text-sm">
          <Link href="/newsroom/magazine" className="text-link underline">
            雑誌・別冊
          </Link>
        </p>
        <h1 className="text-2xl font-bold">別冊・ムックを追加</h1>
        <MagazinePublicationEditor publication={null} csrfToken={signedIn.csrfToken} />
      </main>
    </>
  );
}
