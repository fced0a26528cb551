'use client';
// Error boundaries must be client components (Next.js requirement): this one shows a Japanese message and a retry.

import Link from 'next/link';

type SiteErrorProps = { error: Error & { digest?: string }; reset: () => void };

export default function SiteError({ error, reset }: SiteErrorProps) {
  return (
    <div className="mx-auto max-w-xl py-16 text-center" role="alert">
      <p className="text-sm font-bold tracking-widest text-brand">ERROR</p>
      <h1 className="mt-2 text-2xl font-bold">ページを表示できませんでした</h1>
      <p className="mt-4 leading-relaxed text-muted">
        一時的な問題が発生しています。しばらくしてから再度お試しください。
        {error.digest && <span className="mt-2 block text-xs">エラーID: {error.digest}</span>}
      </p>
      <p className="mt-8 flex justify-center gap-3">
        <button type="button" onClick={reset} className="bg-brand-fill px-6 py-2.5 font-bold text-white hover:bg-brand-fill-dark">
          再読み込み
        </button>
        <Link href="/" className="border border-rule px-6 py-2.5 font-bold hover:bg-paper">
          トップページへ
        </Link>
      </p>
    </div>
  );
}
