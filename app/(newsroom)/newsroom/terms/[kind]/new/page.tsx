import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { NewsroomHeader } from '@/components/newsroom/newsroom-header';
import { TermPageForm } from '@/components/newsroom/term-page-form.client';
import { isTermKind, requireTermEditor, TERM_KIND_LABELS, type TermKind } from '@/lib/newsroom';

export const metadata: Metadata = { title: '特集・連載・筆者を作成' };

type NewTermPageProps = { params: Promise<{ kind: string }> };

const EMPTY = {
  topics: { name: '', description: '' },
  series: { name: '', description: '', sponsored: false, sponsorName: '' },
  authors: { name: '', role: '', profile: '', portraitSrc: null },
} satisfies Record<TermKind, object>;

/** A new topic, series or author: nothing is stored until 作成 (ADR 0050). */
export default async function NewTermPage({ params }: NewTermPageProps) {
  const { kind } = await params;
  const signedIn = await requireTermEditor(`/newsroom/terms/${encodeURIComponent(kind)}/new`);
  if (!isTermKind(kind)) notFound();
  const noun = TERM_KIND_LABELS[kind].noun;
  return (
    <>
      <NewsroomHeader editor={signedIn.editor} csrfToken={signedIn.csrfToken} />
      <main className="mx-auto max-w-3xl space-y-4 px-4 py-6">
        <p className="text-sm">
          <Link href={`/newsroom/terms?kind=${kind}`} className="underline">
            ← {TERM_KIND_LABELS[kind].tab}の一覧
          </Link>
        </p>
        <h1 className="text-2xl font-bold">新しい{noun}を作る</h1>
        <TermPageForm kind={kind} fields={EMPTY[kind]} portrait={null} use={{ public: 0, other: 0 }} unlabelledArticles={0} readerPath={null} csrfToken={signedIn.csrfToken} />
      </main>
    </>
  );
}
