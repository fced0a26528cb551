'use client';
// Client: asks for confirmation (a live article changes at once), posts the restore and reports a refusal in place.

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { sendJson } from './send-json';

type RestoreButtonProps = { articleId: string; number: number; baseRevision: number; live: boolean; csrfToken: string };

export function RestoreButton({ articleId, number, baseRevision, live, csrfToken }: RestoreButtonProps) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function restore() {
    const question = live
      ? `第${number}版の内容を更新として公開しますか?読者の見る記事がすぐに変わり、「更新」の時刻が表示されます。訂正文が必要な場合は、戻したあと編集画面から「訂正」で公開してください。`
      : `第${number}版の内容に戻しますか?今の内容も版として残ります。`;
    if (!window.confirm(question)) return;
    setBusy(true);
    const answer = await sendJson(`/api/newsroom/articles/${articleId}/restore`, csrfToken, { number, baseRevision }, { offline: '戻せませんでした。', refused: () => '戻せませんでした。' });
    setBusy(false);
    if (!answer.ok) {
      setError(answer.error);
      return;
    }
    router.push(`/newsroom/articles/${articleId}`);
  }

  return (
    <span className="inline-flex items-center gap-2">
      <button type="button" disabled={busy} onClick={() => void restore()} className="rounded border border-ink px-3 py-1 text-sm disabled:opacity-50">
        この版に戻す
      </button>
      {error && (
        <span role="alert" className="text-sm text-brand-dark">
          {error}
        </span>
      )}
    </span>
  );
}
