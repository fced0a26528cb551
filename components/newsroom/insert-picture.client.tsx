'use client';
// Client: reads the body textarea's cursor and writes the chosen picture's `::figure` line into the editor's state there.

import { useRef, useState } from 'react';
import { insertBlock, toFigureDirective } from '@/lib/newsroom/picture-fields';
import { PictureLibraryDialog } from './picture-library-dialog.client';

type InsertPictureProps = {
  /** The id of the body's <textarea>: where the cursor is read and put back. */
  bodyId: string;
  body: string;
  csrfToken: string;
  disabled?: boolean;
  onInsert: (body: string) => void;
};

/**
 * 「写真を挿入」: the library in a dialog, and the chosen picture's line put
 * at the body's cursor (or over its selection) on a paragraph of its own, so
 * no editor types a directive (ADR 0046). After inserting, the cursor stands
 * just after the picture; after cancelling, focus is back on this button.
 */
export function InsertPicture({ bodyId, body, csrfToken, disabled, onInsert }: InsertPictureProps) {
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const selection = useRef({ start: body.length, end: body.length });
  const textarea = () => document.getElementById(bodyId) as HTMLTextAreaElement | null;

  function openDialog() {
    const element = textarea();
    // The textarea keeps its selection while focus is elsewhere, so this is where the editor last was.
    selection.current = element ? { start: element.selectionStart, end: element.selectionEnd } : { start: body.length, end: body.length };
    setOpen(true);
  }

  return (
    <div className="-mt-3">
      <button
        ref={opener}
        type="button"
        disabled={disabled}
        onClick={openDialog}
        aria-haspopup="dialog"
        className="rounded border border-ink bg-white px-3 py-1.5 text-sm font-bold disabled:opacity-50"
      >
        写真を挿入
      </button>
      <span className="ml-2 text-xs text-muted">写真ライブラリから選ぶか、新しくアップロードして本文のカーソル位置に入れます。</span>
      <PictureLibraryDialog
        open={open}
        purpose="body"
        csrfToken={csrfToken}
        onClose={() => {
          setOpen(false);
          opener.current?.focus();
        }}
        onChoose={(picture) => {
          const next = insertBlock(body, selection.current.start, selection.current.end, toFigureDirective(picture));
          onInsert(next.body);
          setOpen(false);
          requestAnimationFrame(() => {
            const element = textarea();
            element?.focus();
            element?.setSelectionRange(next.cursor, next.cursor);
          });
        }}
      />
    </div>
  );
}
