'use client';
// Client: posts the 管理者's undeletion of a deleted draft and reports a refusal in place.

import { useRouter } from 'next/navigation';
import { useState } from 'react';

type UndeleteButtonProps = { articleId: string; csrfToken: string };

/** 下書きを元に戻す (ADR 0041): the draft comes back to the list as it was, and its editor opens. */
export function UndeleteButton({ articleId, csrfToken }: UndeleteButtonProps) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function undelete() {
    setBusy(true);
    const response = await fetch(`/api/newsroom/articles/${articleId}/undelete`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrfToken },
      body: '{}',
    }).catch(() => null);
    const body = (await response?.json().catch(() => ({}))) as { error?: string };
    setBusy(false);
    if (!response?.ok) {
      setError(body?.error ?? '元に戻せませんでした。');
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
