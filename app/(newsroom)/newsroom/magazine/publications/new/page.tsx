import type { Metadata } from 'next';
import { MagazineEditorPage } from '@/components/newsroom/magazine-editor-page';
import { MagazinePublicationEditor } from '@/components/newsroom/magazine-publication-editor.client';
import { requireMagazineDesk } from '@/lib/newsroom';

export const metadata: Metadata = { title: '別冊・ムックを追加' };

/** A new MOOK or special edition: nothing is stored until 作成. */
export default async function NewPublicationPage() {
  const signedIn = await requireMagazineDesk('/newsroom/magazine/publications/new');
  return (
    <MagazineEditorPage signedIn={signedIn} title="別冊・ムックを追加">
      <MagazinePublicationEditor publication={null} csrfToken={signedIn.csrfToken} />
    </MagazineEditorPage>
  );
}
