'use client';
// Client: opens the confirmation in a modal dialog, posts the deletion and reports a refusal in place.

import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';

type DeleteDraftProps = { articleId: string; baseRevision: number; csrfToken: string; disabled?: boolean };

/**
 * 下書きを削除 (ADR 0041): a confirmation that says what happens (the
 * draft leaves the list, its revisions stay for the 管理者), then the
 * command; on success, back to the list with a notice.
 */
export function DeleteDraft({ articleId, baseRevision, csrfToken, disabled = false }: DeleteDraftProps) {
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function remove() {
    setBusy(true);
    const response = await fetch(`/api/newsroom/articles/${articleId}/delete`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrfToken },
      body: JSON.stringify({ baseRevision }),
    }).catch(() => null);
    const body = (await response?.json().catch(() => ({}))) as { error?: string };
    setBusy(false);
    if (!response?.ok) {
      setError(body?.error ?? '削除できませんでした。通信を確かめてもう一度お試しください。');
      return;
    }
    dialog.current?.close();
    router.push('/newsroom?done=deleted');
  }

  return (
    <>
      <button
        type="button"
        disabled={disabled}
        onClick={() => {
          setError(null);
          dialog.current?.showModal();
        }}
        className="ml-auto rounded border border-brand-dark px-3 py-1 text-brand-dark hover:bg-brand/5 disabled:opacity-50"
      >
        下書きを削除
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={`delete-${articleId}-title`}
        className="m-auto max-w-md rounded border border-rule bg-white p-5 text-ink shadow-lg backdrop:bg-black/40"
      >
        <h2 id={`delete-${articleId}-title`} className="text-lg font-bold">
          この下書きを削除しますか？
        </h2>
        <p className="mt-2 text-sm">
          記事一覧から消え、このページは開けなくなります。共有用プレビューリンクも使えなくなります。版の履歴は残り、管理者が確認して元に戻せます。
        </p>
        {error && (
          <p role="alert" className="mt-3 rounded border border-brand/40 bg-brand/5 px-3 py-2 text-sm text-brand-dark">
            {error}
          </p>
        )}
        <div className="mt-4 flex justify-end gap-2">
          <button type="button" autoFocus onClick={() => dialog.current?.close()} className="rounded border border-ink px-4 py-1.5 text-sm">
            やめる
          </button>
          <button type="button" disabled={busy} onClick={() => void remove()} className="rounded bg-brand-dark px-4 py-1.5 text-sm font-bold text-white disabled:opacity-50">
            削除する
          </button>
        </div>
      </dialog>
    </>
  );
}
