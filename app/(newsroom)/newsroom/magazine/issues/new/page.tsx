import type { Metadata } from 'next';
import Link from 'next/link';
import { MagazineIssueEditor } from '@/components/newsroom/magazine-issue-editor.client';
import { NewsroomHeader } from '@/components/newsroom/newsroom-header';
import { getIssueEditor, requireMagazineDesk } from '@/lib/newsroom';

export const metadata: Metadata = { title: '次の号を作る' };

/** A new issue, its dates a week after the newest: nothing is stored until この号を作成. */
export default async function NewIssuePage() {
  const signedIn = await requireMagazineDesk('/newsroom/magazine/issues/new');
  const { candidates, next } = await getIssueEditor(null);
  return (
    <>
      <NewsroomHeader editor={signedIn.editor} csrfToken={signedIn.csrfToken} />
      <main className="mx-auto max-w-7xl space-y-4 px-4 py-6">
        <p className="text-sm">
          <Link href="/newsroom/magazine" className="text-link underline">
            雑誌・別冊
          </Link>
        </p>
        <h1 className="text-2xl font-bold">次の号を作る</h1>
        <MagazineIssueEditor issue={null} next={next} candidates={candidates} csrfToken={signedIn.csrfToken} />
      </main>
    </>
  );
}
