import type { Metadata } from 'next';
import { BackToNewsletter, NewsletterPanel } from '@/components/newsletter/newsletter-panel';

// Static, but not for a year at a CDN: a deploy's new wording reaches readers within an hour (docs/architecture.md, "Cache headers").
export const revalidate = 3600;
export const metadata: Metadata = { title: '配信を停止しました', robots: { index: false } };

export default function NewsletterUnsubscribedPage() {
  return (
    <NewsletterPanel title="配信を停止しました" tone="done">
      <p>メールマガジンの配信を停止しました。これまでご購読いただき、ありがとうございました。</p>
      <p className="text-sm text-muted">停止の手続きが済んだ時点で送信待ちだったメールも、お届けしません。</p>
      <BackToNewsletter label="もう一度登録する" />
    </NewsletterPanel>
  );
}
