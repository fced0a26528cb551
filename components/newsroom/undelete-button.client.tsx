'use client';
// Client: posts the 管理者's undeletion of a deleted draft and reports a refusal in place.

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { sendJson } from './send-json';

type UndeleteButtonProps = { articleId: string; csrfToken: string };

/** 下書きを元に戻す (ADR 0041): the draft comes back to the list as it was, and its editor opens. */
export function UndeleteButton({ articleId, csrfToken }: UndeleteButtonProps) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function undelete() {
    setBusy(true);
    const answer = await sendJson(`/api/newsroom/articles/${articleId}/undelete`, csrfToken, {}, { offline: '元に戻せませんでした。', refused: () => '元に戻せませんでした。' });
    setBusy(false);
    if (!answer.ok) {
      setError(answer.error);
      return;
    }
    router.push(`/newsroom/articles/${articleId}`);
  }

  return (
    <span className="inline-flex items-center gap-2">
      <button type="button" disabled={busy} onClick={() => void undelete()} className="rounded border border-ink bg-white px-3 py-1 text-sm disabled:opacity-50">
        下書きを元に戻す
      </button>
      {error && (
        <span role="alert" className="text-sm text-brand-dark">
          {error}
        </span>
      )}
    </span>
  );
}
