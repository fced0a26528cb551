import type { Metadata } from 'next';
import { BackToNewsletter, NewsletterPanel } from '@/components/newsletter/newsletter-panel';

// Where the signup form lands without JavaScript. The same page for everyone
// (the reply never says whether an address was known), so it can be static.
// Static, but not for a year at a CDN: a deploy's new wording reaches readers within an hour (docs/architecture.md, "Cache headers").
export const revalidate = 3600;
export const metadata: Metadata = { title: '確認メールをお送りしました', robots: { index: false } };

export default function NewsletterSentPage() {
  return (
    <NewsletterPanel title="確認メールをお送りしました">
      <p>ご入力のアドレスに確認のメールをお送りしました。メール内のリンクを開き、表示されるページの「登録を完了する」ボタンを押すと、登録が完了します。</p>
      <p className="text-sm text-muted">リンクの有効期限は48時間です。メールが届かない場合は、迷惑メールフォルダもご確認ください。</p>
      <BackToNewsletter />
    </NewsletterPanel>
  );
}
