import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { MagazineEditorPage } from '@/components/newsroom/magazine-editor-page';
import { MagazinePublicationEditor } from '@/components/newsroom/magazine-publication-editor.client';
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
    <MagazineEditorPage signedIn={signedIn} title={publication.title} saved={saved !== undefined}>
      <MagazinePublicationEditor publication={publication} csrfToken={signedIn.csrfToken} />
    </MagazineEditorPage>
  );
}
