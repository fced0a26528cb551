'use client';
// Client: uploads or picks the cover at once (so its size and its share crop can be shown) and hands it to the issue or publication form's state.

import { useRef, useState } from 'react';
import { MAX_UPLOAD_BYTES } from '@/lib/newsroom/upload-rules';
import { socialImagePath, SOCIAL_IMAGE } from '@/lib/seo/social-image';
import { PictureFileInput } from './picture-file-input';
import { PictureLibraryDialog } from './picture-library-dialog.client';
import { uploadPicture, type UploadedPicture } from './upload-picture';

type MagazineCoverFieldProps = {
  /** The field's id: a refusal on the cover focuses its first button. */
  id: string;
  cover: UploadedPicture | null;
  csrfToken: string;
  /** The form's or the server's reason, shown under the field. */
  error: string | null;
  /** Show the cover as link previews crop it (an issue's page shares its cover; /publications shares none). */
  shareCheck: boolean;
  onChange: (cover: UploadedPicture) => void;
};

/**
 * 表紙: a picture from the library (the same dialog as 写真を挿入, ADR 0046)
 * or a new upload, which lands in the library too. The size is the stored
 * file's; with `shareCheck`, the 1200×630 crop that link previews of the
 * issue's page fetch, so a cover whose masthead or headline is cut off is
 * seen before it is saved.
 */
export function MagazineCoverField({ id, cover, csrfToken, error, shareCheck, onChange }: MagazineCoverFieldProps) {
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const [choosing, setChoosing] = useState(false);
  const libraryButton = useRef<HTMLButtonElement>(null);
  const shared = cover ? socialImagePath(cover.src) : null;
  const message = uploadError ?? error;

  async function upload(file: File) {
    setUploadError(null);
    setUploading(true);
    const answer = await uploadPicture(file, csrfToken);
    setUploading(false);
    if (answer.ok) onChange(answer.picture);
    else setUploadError(answer.error);
  }

  return (
    <fieldset className="space-y-3 rounded border border-rule bg-white p-4" aria-describedby={message ? `${id}-error` : undefined}>
      <legend className="px-1 text-sm font-semibold">表紙</legend>
      {cover ? (
        <div className="flex items-start gap-3">
          {/* eslint-disable-next-line @next/next/no-img-element -- a thumbnail of the desk's own picture, as stored */}
          <img src={cover.src} alt="選んだ表紙" width={120} height={Math.round((120 * cover.height) / cover.width)} className="h-auto w-30 border border-rule" data-testid="cover-preview" />
          <p className="text-xs text-muted" data-testid="cover-size">
            {cover.width}×{cover.height}px
          </p>
        </div>
      ) : (
        <p className="text-sm text-muted">まだ表紙がありません。</p>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <button
          id={id}
          ref={libraryButton}
          type="button"
          onClick={() => setChoosing(true)}
          aria-haspopup="dialog"
          className="rounded border border-ink px-3 py-1.5 text-sm"
        >
          {cover ? '表紙を差し替える(ライブラリ)' : 'ライブラリから選ぶ'}
        </button>
      </div>
      <label className="block text-sm">
        <span>または画像をアップロード(JPEG・PNG・WebP、{MAX_UPLOAD_BYTES / 1024 / 1024}MBまで)</span>
        <PictureFileInput disabled={uploading} onFile={(file) => void upload(file)} />
      </label>
      <PictureLibraryDialog
        open={choosing}
        purpose="cover"
        csrfToken={csrfToken}
        onClose={() => {
          setChoosing(false);
          libraryButton.current?.focus();
        }}
        onChoose={({ src, width, height }) => {
          setChoosing(false);
          setUploadError(null);
          onChange({ src, width, height });
          libraryButton.current?.focus();
        }}
      />
      {uploading && <p className="text-sm text-muted">アップロード中…</p>}
      {message && (
        <p id={`${id}-error`} role="alert" className="text-sm text-brand-dark">
          {message}
        </p>
      )}
      {shareCheck && shared && (
        <figure className="max-w-xs text-xs text-muted" data-testid="cover-share-crop">
          {/* eslint-disable-next-line @next/next/no-img-element -- the crop link previews fetch, exactly as they get it */}
          <img src={shared} alt="" width={SOCIAL_IMAGE.width} height={SOCIAL_IMAGE.height} loading="lazy" className="aspect-[1200/630] h-auto w-full border border-rule bg-rule object-cover" />
          <figcaption className="mt-1">
            SNSで号のページが共有されたときの画像です。表紙を{SOCIAL_IMAGE.width}×{SOCIAL_IMAGE.height}の比率に自動で切り抜きます。誌名や特集の文字が切れていないか確かめてください。
          </figcaption>
        </figure>
      )}
    </fieldset>
  );
}
