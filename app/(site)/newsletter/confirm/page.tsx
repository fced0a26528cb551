import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { BackToNewsletter, NewsletterPanel, TokenButton } from '@/components/newsletter/newsletter-panel';
import { NewsletterSignup } from '@/components/newsletter/newsletter-signup';
import { getConfirmationState, NEWSLETTER_ENDPOINTS } from '@/lib/newsletter';

// Per request and never stored by a shared cache: what it shows depends on
// the link's token (Next.js sends `private, no-store` for dynamic pages).
export const dynamic = 'force-dynamic';
export const metadata: Metadata = {
  title: 'メールマガジン登録の確認',
  robots: { index: false, follow: false },
  // The token is in this page's URL: never pass it on in a Referer.
  referrer: 'no-referrer',
};

type ConfirmPageProps = { searchParams: Promise<{ token?: string | string[] }> };

/**
 * Where the confirmation mail's link leads. Opening it confirms nothing (mail
 * scanners open links); the button POSTs, and that confirms.
 */
export default async function NewsletterConfirmPage({ searchParams }: ConfirmPageProps) {
  const { token } = await searchParams;
  const value = typeof token === 'string' ? token : undefined;
  const state = await getConfirmationState(value);
  switch (state) {
    case 'invalid':
      notFound();
    case 'valid':
      return (
        <NewsletterPanel title="メールマガジン登録の確認">
          <p>下のボタンを押すと、メールマガジンの登録が完了します。</p>
          <TokenButton action={NEWSLETTER_ENDPOINTS.confirm} token={value ?? ''} label="登録を完了する" />
          <p className="text-sm text-muted">お心当たりのない場合は、このページを閉じてください。登録は行われません。</p>
        </NewsletterPanel>
      );
    case 'already-confirmed':
      return (
        <NewsletterPanel title="登録は完了しています" tone="done">
          <p>このメールアドレスの登録は、すでに完了しています。お手続きは必要ありません。</p>
        </NewsletterPanel>
      );
    case 'expired':
    case 'used':
      return (
        <NewsletterPanel title={state === 'expired' ? 'リンクの有効期限が切れています' : 'このリンクは使えません'} tone="problem">
          <p>
            {state === 'expired'
              ? '登録手続きの有効期限(48時間)が過ぎました。お手数ですが、もう一度お申し込みください。'
              : 'このリンクはすでに使われたか、配信停止の手続きによって無効になっています。登録をご希望の場合は、もう一度お申し込みください。'}
          </p>
          <NewsletterSignup placement="page" />
          <BackToNewsletter />
        </NewsletterPanel>
      );
  }
}
