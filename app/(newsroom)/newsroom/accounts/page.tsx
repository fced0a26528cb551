import type { Metadata } from 'next';
import { AccountList } from '@/components/newsroom/account-list';
import { NewsroomHeader } from '@/components/newsroom/newsroom-header';
import { getEditorAccounts, getTwoFactorRequired, requireAdmin } from '@/lib/newsroom';

export const metadata: Metadata = { title: 'アカウント' };

export default async function AccountsPage() {
  const signedIn = await requireAdmin('/newsroom/accounts');
  const [accounts, twoFactorRequired] = await Promise.all([getEditorAccounts(), getTwoFactorRequired()]);
  return (
    <>
      <NewsroomHeader editor={signedIn.editor} csrfToken={signedIn.csrfToken} />
      <main className="mx-auto max-w-4xl px-4 py-6">
        <h1 className="mb-4 text-2xl font-bold">アカウント</h1>
        <AccountList accounts={accounts} me={signedIn.editor.id} csrfToken={signedIn.csrfToken} twoFactorRequired={twoFactorRequired} />
      </main>
    </>
  );
}
