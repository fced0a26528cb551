import type { Metadata } from 'next';
import { EditionEditor } from '@/components/newsroom/edition-editor.client';
import { NewsroomHeader } from '@/components/newsroom/newsroom-header';
import { canSendEdition, getEditionDesk, requireEditor } from '@/lib/newsroom';

export const metadata: Metadata = { title: '新しい号' };

/** A new edition: nothing is stored until the first 保存. */
export default async function NewEditionPage() {
  const signedIn = await requireEditor('/newsroom/editions/new');
  const { candidates, confirmedSubscribers } = await getEditionDesk(null);
  return (
    <>
      <NewsroomHeader editor={signedIn.editor} csrfToken={signedIn.csrfToken} />
      <main className="mx-auto max-w-7xl space-y-4 px-4 py-6">
        <h1 className="text-2xl font-bold">新しい号</h1>
        <EditionEditor
          edition={null}
          candidates={candidates}
          confirmedSubscribers={confirmedSubscribers}
          canSend={canSendEdition(signedIn.editor.role)}
          csrfToken={signedIn.csrfToken}
        />
      </main>
    </>
  );
}
