import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { BackToNewsletter, NewsletterPanel, TokenButton } from '@/components/newsletter/newsletter-panel';
import { getUnsubscribeState, NEWSLETTER_ENDPOINTS } from '@/lib/newsletter';

// Per request, never in a shared cache: it names the link's subscriber.
export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'メールマガジンの配信停止', robots: { index: false, follow: false }, referrer: 'no-referrer' };

type UnsubscribePageProps = { searchParams: Promise<{ token?: string | string[] }> };

/** Where a mail's 配信停止 link leads: no sign-in, one button (a GET alone never unsubscribes). */
export default async function NewsletterUnsubscribePage({ searchParams }: UnsubscribePageProps) {
  const { token } = await searchParams;
  const value = typeof token === 'string' ? token : undefined;
  const state = await getUnsubscribeState(value);
  if (!state) notFound();
  if (!state.subscribed) {
    return (
      <NewsletterPanel title="配信は停止しています" tone="done">
        <p>{state.maskedEmail} への配信は、すでに停止しています。</p>
        <BackToNewsletter label="もう一度登録する" />
      </NewsletterPanel>
    );
  }
  return (
    <NewsletterPanel title="メールマガジンの配信停止">
      <p>
        <strong className="font-semibold">{state.maskedEmail}</strong> へのメールマガジンの配信を停止します。よろしければ、下のボタンを押してください。
      </p>
      <TokenButton action={NEWSLETTER_ENDPOINTS.unsubscribe} token={value ?? ''} label="配信を停止する" variant="ink" />
    </NewsletterPanel>
  );
}
