import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { EditionEditor } from '@/components/newsroom/edition-editor.client';
import { SentEdition } from '@/components/newsroom/sent-edition';
import { NewsroomHeader } from '@/components/newsroom/newsroom-header';
import { canSendEdition, getEditionDesk, requireEditor } from '@/lib/newsroom';

export const metadata: Metadata = { title: 'メールマガジンの号' };

type EditionPageProps = { params: Promise<{ id: string }> };

/** One edition: the editor while it is a draft, what went out and its sent count once sent. */
export default async function EditionPage({ params }: EditionPageProps) {
  const { id } = await params;
  const signedIn = await requireEditor(`/newsroom/editions/${id}`);
  const { edition, candidates, confirmedSubscribers } = await getEditionDesk(id);
  if (!edition) notFound();
  return (
    <>
      <NewsroomHeader editor={signedIn.editor} csrfToken={signedIn.csrfToken} />
      <main className="mx-auto max-w-7xl space-y-4 px-4 py-6">
        <p className="text-sm">
          <Link href="/newsroom/editions" className="text-link underline">
            メールマガジン
          </Link>
        </p>
        <h1 className="text-2xl font-bold [overflow-wrap:anywhere]">{edition.subject || '(件名なし)'}</h1>
        {edition.status === 'sent' ? (
          <SentEdition edition={edition} />
        ) : (
          <EditionEditor
            edition={edition}
            candidates={candidates}
            confirmedSubscribers={confirmedSubscribers}
            canSend={canSendEdition(signedIn.editor.role)}
            csrfToken={signedIn.csrfToken}
          />
        )}
      </main>
    </>
  );
}
