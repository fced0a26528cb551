'use client';
// Runs in the browser: it writes to the reader's clipboard.

import { useEffect, useState } from 'react';
import { useHydrated } from '@/components/hooks/use-hydrated';

/**
 * Copies the article's address, and says so where the reader looks and to
 * screen readers. Invisible until it can work (it needs JavaScript and the
 * clipboard), but its space is kept, so the row never shifts.
 */
export function CopyLinkButton({ url }: { url: string }) {
  // The clipboard API exists only in secure contexts (https, localhost).
  const ready = useHydrated() && !!navigator.clipboard;
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 3000);
    return () => clearTimeout(timer);
  }, [state]);

  return (
    <span className={ready ? 'inline-flex items-center gap-2' : 'invisible inline-flex items-center gap-2'}>
      <button
        type="button"
        disabled={!ready}
        onClick={() => navigator.clipboard.writeText(url).then(() => setState('copied'), () => setState('failed'))}
        className="inline-flex h-9 items-center border border-rule bg-surface px-3 text-sm font-bold hover:bg-paper"
      >
        リンクをコピー
      </button>
      <span role="status" className="min-w-[12em] text-sm text-muted">
        {state === 'copied' ? 'リンクをコピーしました' : state === 'failed' ? 'コピーできませんでした' : ''}
      </span>
    </span>
  );
}
