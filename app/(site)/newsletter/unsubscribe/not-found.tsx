import type { Metadata } from 'next';
import { NewsletterPanel } from '@/components/newsletter/newsletter-panel';

export const metadata: Metadata = { title: 'リンクが無効です', robots: { index: false } };

/** An unsubscribe link we did not sign: 404 with what to do. */
export default function UnsubscribeLinkNotFound() {
  return (
    <NewsletterPanel title="リンクが無効です" tone="problem">
      <p>この配信停止リンクは無効です。メールに記載されたリンクが途中で切れていないか、お確かめください。</p>
      <p className="text-sm text-muted">どのメールのリンクでも、配信を停止できます。</p>
    </NewsletterPanel>
  );
}
