'use client';
// Client: uploads the chosen photo at once (so its size is known for the preview) and keeps caption and credit in the editor form's state.

import { useId, useRef, useState } from 'react';
import type { ArticleDraft } from '@/lib/newsroom/draft';
import { CREDIT_PREFIX, stripCreditPrefix } from '@/lib/newsroom/fields';
import { MAX_UPLOAD_BYTES } from '@/lib/newsroom/upload-rules';
import { PictureFileInput } from './picture-file-input';
import { PictureLibraryDialog } from './picture-library-dialog.client';
import { uploadPicture } from './upload-picture';

type Hero = NonNullable<ArticleDraft['hero']>;
type HeroFieldProps = { hero: Hero | null; csrfToken: string; onChange: (hero: Hero | null) => void };

const inputClass = 'mt-1 block w-full rounded border border-rule bg-white px-3 py-2';

/** The hero photo: upload (type and size checked here and again on the server) or a library picture, alt text, caption, credit. */
export function HeroField({ hero, csrfToken, onChange }: HeroFieldProps) {
  const [error, setError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const creditShownId = useId();
  const [choosing, setChoosing] = useState(false);
  const libraryButton = useRef<HTMLButtonElement>(null);

  async function upload(file: File) {
    setError(null);
    setUploading(true);
    const answer = await uploadPicture(file, csrfToken);
    setUploading(false);
    if (!answer.ok) {
      setError(answer.error);
      return;
    }
    onChange({ ...answer.picture, alt: hero?.alt ?? '', caption: hero?.caption ?? '', credit: hero?.credit ?? '' });
  }

  const set = (key: 'alt' | 'caption' | 'credit', value: string) => hero && onChange({ ...hero, [key]: value });

  return (
    <fieldset className="space-y-3 rounded border border-rule bg-white p-4">
      <legend className="px-1 text-sm font-semibold">メイン写真</legend>
      {hero && (
        <div className="flex items-start gap-3">
          {/* eslint-disable-next-line @next/next/no-img-element -- a thumbnail of the editor's own upload */}
          <img src={hero.src} alt="" width={160} height={Math.round((160 * hero.height) / hero.width)} className="h-auto w-40 border border-rule" />
          <div className="text-xs text-muted">
            <p data-testid="hero-size">
              {hero.width}×{hero.height}px
            </p>
            <button type="button" onClick={() => onChange(null)} className="mt-2 rounded border border-rule px-2 py-1 text-ink">
              写真を外す
            </button>
          </div>
        </div>
      )}
      <label className="block text-sm">
        <span>{hero ? '写真を差し替える' : '写真をアップロード'}(JPEG・PNG・WebP、{MAX_UPLOAD_BYTES / 1024 / 1024}MBまで)</span>
        <PictureFileInput disabled={uploading} onFile={(file) => void upload(file)} />
      </label>
      {/* A picture already in the library (a hero used before, a photo the desk uploaded) with its words (ADR 0046). */}
      <button ref={libraryButton} type="button" onClick={() => setChoosing(true)} aria-haspopup="dialog" className="rounded border border-rule px-3 py-1.5 text-sm">
        ライブラリから選ぶ
      </button>
      <PictureLibraryDialog
        open={choosing}
        purpose="hero"
        csrfToken={csrfToken}
        onClose={() => {
          setChoosing(false);
          libraryButton.current?.focus();
        }}
        onChoose={({ src, width, height, alt, caption, credit }) => {
          setChoosing(false);
          setError(null);
          onChange({ src, width, height, alt, caption, credit });
          libraryButton.current?.focus();
        }}
      />
      {uploading && <p className="text-sm text-muted">アップロード中…</p>}
      {error && (
        <p role="alert" className="text-sm text-brand-dark">
          {error}
        </p>
      )}
      {hero && (
        <div className="grid gap-3 sm:grid-cols-2">
          <label className="block text-sm sm:col-span-2">
            代替テキスト(写真の内容を文章で)
            <input value={hero.alt} onChange={(e) => set('alt', e.target.value)} maxLength={200} className={inputClass} />
          </label>
          <label className="block text-sm">
            キャプション
            <input value={hero.caption} onChange={(e) => set('caption', e.target.value)} maxLength={300} className={inputClass} />
          </label>
          <div className="text-sm">
            <label className="block">
              {/* The site prints the prefix itself: the label says so, and a typed one is dropped on save (lib/newsroom/fields.ts). */}
              クレジット(表示：{CREDIT_PREFIX}〇〇)
              <input value={hero.credit} onChange={(e) => set('credit', e.target.value)} maxLength={100} aria-describedby={creditShownId} className={inputClass} />
            </label>
            <p id={creditShownId} className="mt-1 h-5 truncate text-xs leading-5 text-muted" data-testid="credit-shown">
              {hero.credit.trim() ? `読者には「${CREDIT_PREFIX}${stripCreditPrefix(hero.credit)}」と表示されます` : `「${CREDIT_PREFIX}」は自動で付きます`}
            </p>
          </div>
        </div>
      )}
    </fieldset>
  );
}
