'use client';
// Client: saves one library picture's words in place, keeping what was typed when the save is refused.

import { useState } from 'react';
import { CREDIT_PREFIX } from '@/lib/newsroom/fields';
import { PICTURE_LIMITS, type LibraryPicture } from '@/lib/newsroom/picture-fields';
import { inputClass } from './editor/form-styles';
import { savePictureFields } from './picture-library-api';

type PictureEntryFormProps = { picture: Pick<LibraryPicture, 'id' | 'caption' | 'credit' | 'alt'>; csrfToken: string };

/** Caption, credit and alt text of a library picture; articles already using it keep the words they were given. */
export function PictureEntryForm({ picture, csrfToken }: PictureEntryFormProps) {
  const [fields, setFields] = useState({ caption: picture.caption, credit: picture.credit, alt: picture.alt });
  const [state, setState] = useState<{ busy: boolean; error: string | null; saved: boolean }>({ busy: false, error: null, saved: false });

  async function save(event: React.FormEvent) {
    event.preventDefault();
    setState({ busy: true, error: null, saved: false });
    const answer = await savePictureFields(picture.id, fields, csrfToken);
    if (!answer.ok) return setState({ busy: false, error: answer.error, saved: false });
    setFields({ caption: answer.value.caption, credit: answer.value.credit, alt: answer.value.alt });
    setState({ busy: false, error: null, saved: true });
  }

  const set = (key: keyof typeof fields) => (e: React.ChangeEvent<HTMLInputElement>) => {
    setFields((f) => ({ ...f, [key]: e.target.value }));
    setState((s) => ({ ...s, saved: false }));
  };

  return (
    <form onSubmit={(e) => void save(e)} className="mt-2 space-y-2 text-sm">
      <label className="block">
        キャプション
        <input value={fields.caption} onChange={set('caption')} maxLength={PICTURE_LIMITS.caption} className={inputClass} />
      </label>
      <label className="block">
        クレジット(表示:{CREDIT_PREFIX}〇〇)
        <input value={fields.credit} onChange={set('credit')} maxLength={PICTURE_LIMITS.credit} className={inputClass} />
      </label>
      <label className="block">
        代替テキスト
        <input value={fields.alt} onChange={set('alt')} maxLength={PICTURE_LIMITS.alt} className={inputClass} />
      </label>
      <div className="flex items-center gap-3">
        <button type="submit" disabled={state.busy} className="rounded bg-ink px-3 py-1.5 font-bold text-white disabled:opacity-50">
          保存
        </button>
        <span role="status" className="text-xs text-muted">
          {state.saved ? '保存しました' : ''}
        </span>
      </div>
      {state.error && (
        <p role="alert" className="text-brand-dark">
          {state.error}
        </p>
      )}
    </form>
  );
}
