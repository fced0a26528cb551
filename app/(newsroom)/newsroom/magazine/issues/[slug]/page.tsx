import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { MagazineIssueEditor } from '@/components/newsroom/magazine-issue-editor.client';
import { NewsroomHeader } from '@/components/newsroom/newsroom-header';
import { getIssueEditor, requireMagazineDesk } from '@/lib/newsroom';
import { formatJstDate } from '@/lib/time';

export const metadata: Metadata = { title: '号の編集' };

type IssuePageProps = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** One issue: its fields, cover and contents. */
export default async function IssuePage({ params, searchParams }: IssuePageProps) {
  const { slug } = await params;
  const { saved } = await searchParams;
  const signedIn = await requireMagazineDesk(`/newsroom/magazine/issues/${slug}`);
  const { issue, candidates, next } = await getIssueEditor(slug);
  if (!issue) notFound();
  return (
    <>
      <NewsroomHeader editor={signedIn.editor} csrfToken={signedIn.csrfToken} />
      <main className="mx-auto max-w-7xl space-y-4 px-4 py-6">
        <p className="text-sm">
          <Link href="/newsroom/magazine" className="text-link underline">
            雑誌・別冊
          </Link>
        </p>
        <h1 className="text-2xl font-bold">週刊Kiji {formatJstDate(issue.issueDate)}号</h1>
        {saved !== undefined && (
          <p role="status" className="rounded border border-rule bg-white px-3 py-2 text-sm">
            保存しました。
          </p>
        )}
        <MagazineIssueEditor issue={issue} next={next} candidates={candidates} csrfToken={signedIn.csrfToken} />
      </main>
    </>
  );
}
