import type { Metadata } from 'next';
import Link from 'next/link';
import { NewsletterPanel } from '@/components/newsletter/newsletter-panel';

// Static, but not for a year at a CDN: a deploy's new wording reaches readers within an hour (docs/architecture.md, "Cache headers").
export const revalidate = 3600;
export const metadata: Metadata = { title: 'メールマガジンの登録が完了しました', robots: { index: false } };

export default function NewsletterConfirmedPage() {
  return (
    <NewsletterPanel title="登録が完了しました" tone="done">
      <p>Kijiのメールマガジンにご登録いただき、ありがとうございます。登録完了のメールをお送りしました。次号からお届けします。</p>
      <p>
        <Link href="/" className="font-semibold text-brand underline underline-offset-4 hover:text-brand-dark">
          トップページへ
        </Link>
      </p>
    </NewsletterPanel>
  );
}
