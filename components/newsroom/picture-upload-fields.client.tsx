'use client';
// Client: holds the chosen file and the typed words until the upload succeeds, so a refused upload loses nothing.

import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { CREDIT_PREFIX } from '@/lib/newsroom/fields';
import { ALT_REQUIRED, PICTURE_LIMITS, type LibraryPicture } from '@/lib/newsroom/picture-fields';
import { MAX_UPLOAD_BYTES } from '@/lib/newsroom/upload-rules';
import { inputClass } from './editor/form-styles';
import { PictureFileInput } from './picture-file-input';
import { uploadToLibrary } from './upload-picture';

type PictureUploadFieldsProps = {
  csrfToken: string;
  /** Alt text must be typed before the upload: the picture goes straight into a body. */
  requireAlt?: boolean;
  /** The library page: show the new picture by loading the page again. */
  refreshOnUpload?: boolean;
  onUploaded?: (picture: LibraryPicture) => void;
};

/**
 * A new picture for the library with its caption, credit and alt text. Not a
 * <form>: it also sits inside the article editor's form, where a nested
 * form is invalid and Enter would save the article.
 */
export function PictureUploadFields({ csrfToken, requireAlt = false, refreshOnUpload = false, onUploaded }: PictureUploadFieldsProps) {
  const router = useRouter();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [fields, setFields] = useState({ caption: '', credit: '', alt: '' });
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);

  async function upload() {
    setDone(null);
    if (!file) return setError('写真のファイルを選んでください。');
    if (requireAlt && !fields.alt.trim()) {
      setError(ALT_REQUIRED);
      document.getElementById(`${id}-alt`)?.focus();
      return;
    }
    setError(null);
    setUploading(true);
    const answer = await uploadToLibrary(file, fields, csrfToken);
    setUploading(false);
    if (!answer.ok) return setError(answer.error);
    setFile(null);
    setFields({ caption: '', credit: '', alt: '' });
    setDone(`「${answer.picture.caption || file.name}」をライブラリに追加しました。`);
    if (refreshOnUpload) router.refresh();
    onUploaded?.(answer.picture);
  }

  const set = (key: keyof typeof fields) => (e: React.ChangeEvent<HTMLInputElement>) => setFields((f) => ({ ...f, [key]: e.target.value }));

  return (
    <div role="group" aria-labelledby={`${id}-title`} className="space-y-3" data-testid="picture-upload">
      <p id={`${id}-title`} className="text-sm font-semibold">
        新しい写真をアップロード
      </p>
      <label className="block text-sm">
        <span>写真ファイル(JPEG・PNG・WebP、{MAX_UPLOAD_BYTES / 1024 / 1024}MBまで)</span>
        <PictureFileInput disabled={uploading} onFile={(chosen) => (setFile(chosen), setError(null), setDone(null))} />
      </label>
      {file && <p className="text-xs text-muted">選択中:{file.name}</p>}
      <div className="grid gap-3 sm:grid-cols-2">
        <label className="block text-sm sm:col-span-2">
          代替テキスト(写真の内容を文章で){requireAlt && <span className="ml-1 text-brand-dark">必須</span>}
          <input id={`${id}-alt`} value={fields.alt} onChange={set('alt')} maxLength={PICTURE_LIMITS.alt} className={inputClass} />
        </label>
        <label className="block text-sm">
          キャプション
          <input value={fields.caption} onChange={set('caption')} maxLength={PICTURE_LIMITS.caption} className={inputClass} />
        </label>
        <label className="block text-sm">
          クレジット(表示:{CREDIT_PREFIX}〇〇)
          <input value={fields.credit} onChange={set('credit')} maxLength={PICTURE_LIMITS.credit} className={inputClass} />
        </label>
      </div>
      <button type="button" onClick={() => void upload()} disabled={uploading} className="rounded bg-ink px-4 py-2 text-sm font-bold text-white disabled:opacity-50">
        {uploading ? 'アップロード中…' : 'アップロード'}
      </button>
      {error && (
        <p role="alert" className="text-sm text-brand-dark">
          {error}
        </p>
      )}
      {done && (
        <p role="status" className="text-sm">
          {done}
        </p>
      )}
    </div>
  );
}
