import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { MagazinePublicationEditor } from '@/components/newsroom/magazine-publication-editor.client';
import { NewsroomHeader } from '@/components/newsroom/newsroom-header';
import { getPublicationEditor, requireMagazineDesk } from '@/lib/newsroom';

export const metadata: Metadata = { title: '別冊・ムックの編集' };

type PublicationPageProps = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** One MOOK or special edition. */
export default async function PublicationPage({ params, searchParams }: PublicationPageProps) {
  const { slug } = await params;
  const { saved } = await searchParams;
  const signedIn = await requireMagazineDesk(`/newsroom/magazine/publications/${slug}`);
  const { publication } = await getPublicationEditor(slug);
  if (!publication) notFound();
  return (
    <>
      <NewsroomHeader editor={signedIn.editor} csrfToken={signedIn.csrfToken} />
      <main className="mx-auto max-w-7xl space-y-4 px-4 py-6">
        <p className="text-sm">
          <Link href="/newsroom/magazine" className="text-link underline">
            雑誌・別冊
          </Link>
        </p>
        <h1 className="text-2xl font-bold [overflow-wrap:anywhere]">{publication.title}</h1>
        {saved !== undefined && (
          <p role="status" className="rounded border border-rule bg-white px-3 py-2 text-sm">
            保存しました。
          </p>
        )}
        <MagazinePublicationEditor publication={publication} csrfToken={signedIn.csrfToken} />
      </main>
    </>
  );
}
