import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { NewsroomHeader } from '@/components/newsroom/newsroom-header';
import { TermPageForm } from '@/components/newsroom/term-page-form.client';
import { READER_PATH } from '@/components/newsroom/term-pages-list';
import { getTermPage, isTermKind, requireTermEditor, TERM_KIND_LABELS } from '@/lib/newsroom';

export const metadata: Metadata = { title: '特集・連載・筆者を編集' };

type EditTermPageProps = { params: Promise<{ kind: string; slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** One topic, series or author: every field readers see, saved straight to their pages (ADR 0050). */
export default async function EditTermPage({ params, searchParams }: EditTermPageProps) {
  const { kind, slug } = await params;
  const signedIn = await requireTermEditor(`/newsroom/terms/${encodeURIComponent(kind)}/${encodeURIComponent(slug)}`);
  if (!isTermKind(kind)) notFound();
  const term = await getTermPage(kind, slug);
  if (!term) notFound();
  const created = (await searchParams).created === '1';
  return (
    <>
      <NewsroomHeader editor={signedIn.editor} csrfToken={signedIn.csrfToken} />
      <main className="mx-auto max-w-3xl space-y-4 px-4 py-6">
        <p className="text-sm">
          <Link href={`/newsroom/terms?kind=${kind}`} className="underline">
            ← {TERM_KIND_LABELS[kind].tab}の一覧
          </Link>
        </p>
        <h1 className="text-2xl font-bold">
          {TERM_KIND_LABELS[kind].noun}を編集:{term.fields.name}
        </h1>
        <TermPageForm
          kind={kind}
          slug={term.slug}
          fields={term.fields}
          portrait={term.portrait}
          use={term.use}
          unlabelledArticles={term.unlabelledArticles}
          readerPath={READER_PATH[kind](term.slug)}
          created={created}
          csrfToken={signedIn.csrfToken}
        />
      </main>
    </>
  );
}
