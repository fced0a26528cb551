import type { Metadata } from 'next';
import { BackToNewsletter, NewsletterPanel } from '@/components/newsletter/newsletter-panel';

export const metadata: Metadata = { title: 'リンクが無効です', robots: { index: false } };

/** A confirmation link we never issued (mistyped, cut off by a mail client): 404 with what to do. */
export default function ConfirmLinkNotFound() {
  return (
    <NewsletterPanel title="リンクが無効です" tone="problem">
      <p>この確認リンクは無効です。メールに記載されたリンクが途中で切れていないか、お確かめください。</p>
      <BackToNewsletter label="もう一度お申し込みする" />
    </NewsletterPanel>
  );
}
