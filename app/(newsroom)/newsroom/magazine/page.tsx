import type { Metadata } from 'next';
import { MagazineList } from '@/components/newsroom/magazine-list';
import { NewsroomHeader } from '@/components/newsroom/newsroom-header';
import { canEditMagazine, getMagazineDesk, MAGAZINE_MESSAGES, requireEditor } from '@/lib/newsroom';

export const metadata: Metadata = { title: '雑誌・別冊' };

type MagazineDeskProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The magazine desk (docs/adr/0049-magazine-desk.md): the issues of 週刊Kiji and the MOOKs; every role reads it, the desk edits. */
export default async function MagazineDeskPage({ searchParams }: MagazineDeskProps) {
  const { denied } = await searchParams;
  const signedIn = await requireEditor('/newsroom/magazine');
  const { issues, publications } = await getMagazineDesk();
  const canEdit = canEditMagazine(signedIn.editor.role);
  return (
    <>
      <NewsroomHeader editor={signedIn.editor} csrfToken={signedIn.csrfToken} />
      <main className="mx-auto max-w-4xl space-y-6 px-4 py-6">
        <div>
          <h1 className="text-2xl font-bold">雑誌・別冊</h1>
          <p className="mt-1 text-sm">週刊Kijiの号(表紙・特集・目次)と、別冊・ムックです。号と別冊は発売日から読者に表示されます。</p>
        </div>
        {denied !== undefined && (
          <p role="alert" className="rounded border border-brand/40 bg-brand/5 px-3 py-2 text-sm text-brand-dark">
            {MAGAZINE_MESSAGES.notADesk}
          </p>
        )}
        {!canEdit && denied === undefined && <p className="rounded border border-rule bg-white px-3 py-2 text-sm">{MAGAZINE_MESSAGES.notADesk}一覧は閲覧できます。</p>}
        <MagazineList issues={issues} publications={publications} canEdit={canEdit} />
      </main>
    </>
  );
}
