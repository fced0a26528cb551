import { useCallback, useState } from 'react';
import type { ArticleDraft } from '@/lib/newsroom/draft';
import { decideDraftAfterSave, isDirty, toSavedSnapshot } from './editor-state';

/**
 * The draft's fields as the editor types them, and what the server last
 * stored: `dirty` says whether they differ.
 */
export function useDraft(initial: ArticleDraft) {
  const [draft, setDraft] = useState<ArticleDraft>(initial);
  const [savedSnapshot, setSavedSnapshot] = useState(() => toSavedSnapshot(initial));

  const update = useCallback(<K extends keyof ArticleDraft>(key: K, value: ArticleDraft[K]) => setDraft((d) => ({ ...d, [key]: value })), []);

  /** The server stored `sent` (undefined: the command sent no draft) as `stored`. */
  const markStored = useCallback((stored: ArticleDraft, sent?: ArticleDraft) => {
    setSavedSnapshot(toSavedSnapshot(stored));
    setDraft((current) => decideDraftAfterSave(current, sent, stored));
  }, []);

  /** `stored` is what the server holds now, and the form keeps what was typed (a save conflict's 自分の版, ADR 0047). */
  const rebase = useCallback((stored: ArticleDraft) => setSavedSnapshot(toSavedSnapshot(stored)), []);

  return { draft, setDraft, update, dirty: isDirty(draft, savedSnapshot), markStored, rebase };
}
