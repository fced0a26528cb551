import type { Metadata } from 'next';
import { NewsletterSignup } from '@/components/newsletter/newsletter-signup';
import { NEWSLETTER_PAGES } from '@/lib/newsletter';

// No database: the page is the same for everyone and is built once.
// Static, but not for a year at a CDN: a deploy's new wording reaches readers within an hour (docs/architecture.md, "Cache headers").
export const revalidate = 3600;
export const metadata: Metadata = {
  title: 'メールマガジンのご登録',
  description: 'Kijiのメールマガジン(無料)のご登録はこちらから。最新ニュースと編集部のおすすめを、週に数回お届けします。',
  alternates: { canonical: NEWSLETTER_PAGES.signup },
};

export default function NewsletterPage() {
  return (
    <div className="mx-auto max-w-2xl py-8">
      <p className="text-sm font-bold tracking-widest text-brand">NEWSLETTER</p>
      <h1 className="mt-1 text-3xl font-bold">メールマガジンのご登録</h1>
      <p className="mt-4 leading-relaxed">
        Kijiのメールマガジンは無料です。その日の主なニュースと、編集部が選んだ読みごたえのある記事を、週に数回お届けします。
      </p>
      <div className="mt-8 border-t-4 border-brand bg-paper px-5 py-6">
        <NewsletterSignup placement="page" />
      </div>
      <section className="mt-10 space-y-3 text-sm leading-relaxed text-muted" aria-labelledby="newsletter-how">
        <h2 id="newsletter-how" className="text-base font-bold text-ink">
          登録の流れ
        </h2>
        <ol className="list-decimal space-y-1 pl-5">
          <li>メールアドレスを入力して「登録する」を押します。</li>
          <li>確認のメールが届きます。メール内のリンクを開き、「登録を完了する」ボタンを押してください(リンクの有効期限は48時間です)。</li>
          <li>登録完了のメールが届いたら、配信が始まります。</li>
        </ol>
        <p>配信はいつでも停止できます。すべてのメールの末尾に、配信停止のリンクがあります。</p>
      </section>
    </div>
  );
}
