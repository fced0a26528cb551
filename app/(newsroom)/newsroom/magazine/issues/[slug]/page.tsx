import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { MagazineEditorPage } from '@/components/newsroom/magazine-editor-page';
import { MagazineIssueEditor } from '@/components/newsroom/magazine-issue-editor.client';
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
    <MagazineEditorPage signedIn={signedIn} title={`週刊Kiji ${formatJstDate(issue.issueDate)}号`} saved={saved !== undefined}>
      <MagazineIssueEditor issue={issue} next={next} candidates={candidates} csrfToken={signedIn.csrfToken} />
    </MagazineEditorPage>
  );
}
