'use client';
// Replaces the root layout when it fails, so it must bring its own <html> (Next.js requirement).

export default function GlobalError({ reset }: { error: Error; reset: () => void }) {
  return (
    <html lang="ja">
      <body style={{ fontFamily: 'system-ui, sans-serif', textAlign: 'center', padding: '4rem 1rem' }}>
        <h1>ページを表示できませんでした</h1>
        <p>一時的な問題が発生しています。しばらくしてから再度お試しください。</p>
        <button type="button" onClick={reset}>
          再読み込み
        </button>
      </body>
    </html>
  );
}
