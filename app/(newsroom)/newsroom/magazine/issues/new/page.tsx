import type { Metadata } from 'next';
import { MagazineEditorPage } from '@/components/newsroom/magazine-editor-page';
import { MagazineIssueEditor } from '@/components/newsroom/magazine-issue-editor.client';
import { getIssueEditor, requireMagazineDesk } from '@/lib/newsroom';

export const metadata: Metadata = { title: '次の号を作る' };

/** A new issue, its dates a week after the newest: nothing is stored until この号を作成. */
export default async function NewIssuePage() {
  const signedIn = await requireMagazineDesk('/newsroom/magazine/issues/new');
  const { candidates, next } = await getIssueEditor(null);
  return (
    <MagazineEditorPage signedIn={signedIn} title="次の号を作る">
      <MagazineIssueEditor issue={null} next={next} candidates={candidates} csrfToken={signedIn.csrfToken} />
    </MagazineEditorPage>
  );
}
