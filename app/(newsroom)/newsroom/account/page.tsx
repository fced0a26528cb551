import type { Metadata } from 'next';
import { NewsroomHeader } from '@/components/newsroom/newsroom-header';
import { TwoFactorPanel } from '@/components/newsroom/two-factor-panel';
import { getTwoFactorSetup, requireEditor, ROLE_LABELS, TWO_FACTOR_DUE, TWO_FACTOR_SETUP_PAGE } from '@/lib/newsroom';

export const metadata: Metadata = { title: '自分のアカウント' };

/** The signed-in editor's own account: who they are, and their two-factor sign-in (ADR 0043). */
export default async function AccountPage() {
  const signedIn = await requireEditor(TWO_FACTOR_SETUP_PAGE);
  const setup = await getTwoFactorSetup(signedIn.editor);
  const { editor } = signedIn;
  return (
    <>
      <NewsroomHeader editor={editor} csrfToken={signedIn.csrfToken} setupOnly={signedIn.twoFactorDue} />
      <main className="mx-auto max-w-2xl space-y-6 px-4 py-6">
        <h1 className="text-2xl font-bold">自分のアカウント</h1>
        {signedIn.twoFactorDue && (
          <p role="alert" className="rounded border border-brand/40 bg-brand/5 px-3 py-2 text-sm text-brand-dark">
            {TWO_FACTOR_DUE}
          </p>
        )}
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 rounded border border-rule bg-white p-4 text-sm">
          <dt className="font-bold">表示名</dt>
          <dd>{editor.name}</dd>
          <dt className="font-bold">ユーザー名</dt>
          <dd className="font-mono">{editor.login}</dd>
          <dt className="font-bold">役割</dt>
          <dd>{ROLE_LABELS[editor.role]}</dd>
        </dl>
        <TwoFactorPanel setup={setup} csrfToken={signedIn.csrfToken} />
      </main>
    </>
  );
}
