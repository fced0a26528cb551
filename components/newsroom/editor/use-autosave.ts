import { useEffect } from 'react';

/** Milliseconds of quiet before a draft saves itself. */
const AUTOSAVE_DELAY_MS = 5_000;

/**
 * Saves after a pause in typing: `save` changes with every keystroke, so each
 * one restarts the wait. `due` is whether there is anything the editor may
 * save now (unsaved, editable, no command running). A conflicting save (someone
 * else stored a newer revision) is refused by the server against the base
 * revision `save` sends, and shows as the command's error.
 */
export function useAutosave(due: boolean, save: (autosave: boolean) => Promise<unknown>): void {
  useEffect(() => {
    if (!due) return;
    const timer = setTimeout(() => void save(true), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [due, save]);
}
