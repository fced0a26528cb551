'use client';
// Client: posts one article command from a list or the history (after a confirmation where the command changes what readers see), then opens the article; a refusal is reported in place.

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { sendJson } from './send-json';

type ArticleCommandButtonProps = {
  articleId: string;
  command: 'restore' | 'undelete';
  body: Record<string, unknown>;
  label: string;
  /** Asked with window.confirm before anything is sent; no question, no confirmation. */
  question?: string;
  /** What the editor reads when the command did not happen (offline, or refused without words of its own). */
  failed: string;
  csrfToken: string;
  className?: string;
};

export function ArticleCommandButton({ articleId, command, body, label, question, failed, csrfToken, className = '' }: ArticleCommandButtonProps) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run() {
    if (question && !window.confirm(question)) return;
    setBusy(true);
    const answer = await sendJson(`/api/newsroom/articles/${articleId}/${command}`, csrfToken, body, { offline: failed, refused: () => failed });
    setBusy(false);
    if (!answer.ok) {
      setError(answer.error);
      return;
    }
    router.push(`/newsroom/articles/${articleId}`);
  }

  return (
    <span className="inline-flex items-center gap-2">
      <button type="button" disabled={busy} onClick={() => void run()} className={`rounded border border-ink px-3 py-1 text-sm disabled:opacity-50 ${className}`}>
        {label}
      </button>
      {error && (
        <span role="alert" className="text-sm text-brand-dark">
          {error}
        </span>
      )}
    </span>
  );
}
