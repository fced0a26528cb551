import Link from 'next/link';

/** What a reader sees for an address we do not have. */
export function NotFoundView() {
  return (
    <div className="mx-auto max-w-xl py-16 text-center">
      <p className="text-sm font-bold tracking-widest text-brand">404 NOT FOUND</p>
      <h1 className="mt-2 text-2xl font-bold">お探しのページは見つかりませんでした</h1>
      <p className="mt-4 leading-relaxed text-muted">
        URLが間違っているか、ページが移動または削除された可能性があります。トップページやセクションから記事をお探しください。
      </p>
      <p className="mt-8">
        <Link href="/" className="inline-block bg-brand px-6 py-2.5 font-bold text-white hover:bg-brand-dark">
          トップページへ
        </Link>
      </p>
    </div>
  );
}
