import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/newsroom/sign-in-form.client';
import { getSignedInEditor, issueSignInToken, toReturnPath } from '@/lib/newsroom';
import { SITE_NAME } from '@/lib/site';

export const metadata: Metadata = { title: 'サインイン' };

type SignInPageProps = { searchParams: Promise<{ next?: string | string[]; 'signed-out'?: string }> };

export default async function SignInPage({ searchParams }: SignInPageProps) {
  const params = await searchParams;
  const next = toReturnPath(typeof params.next === 'string' ? params.next : undefined);
  if (await getSignedInEditor()) redirect(next);
  return (
    <main className="mx-auto max-w-sm px-4 py-16">
      <p className="font-serif text-2xl font-bold text-brand">記事 {SITE_NAME}</p>
      <h1 className="mt-2 text-xl font-bold">ニュースルームにサインイン</h1>
      {params['signed-out'] && (
        <p role="status" className="mt-4 rounded border border-rule bg-white px-3 py-2 text-sm">
          サインアウトしました。
        </p>
      )}
      <SignInForm token={await issueSignInToken()} next={next} />
    </main>
  );
}
