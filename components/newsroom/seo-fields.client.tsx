'use client';
// Client: part of the editor form's state: the search and share wording with live 字数, the share picture's upload, and the share card as it will look, updated as the editor types.

import { useId, useState } from 'react';
import { countCharacters, HOUSE_LIMITS } from '@/lib/newsroom/counts';
import { socialImagePath, SOCIAL_IMAGE } from '@/lib/seo/social-image';
import { CharCount } from './char-count';
import { PictureFileInput } from './picture-file-input';
import { uploadPicture, type UploadedPicture } from './upload-picture';

type SeoFieldsProps = {
  seoTitle: string | null;
  seoDescription: string | null;
  /** What search results and shares use when the fields are empty. */
  headline: string;
  standfirst: string;
  hero: UploadedPicture | null;
  /** The picture link previews show instead of the hero; null = the hero. */
  socialImage: UploadedPicture | null;
  csrfToken: string;
  onChange: (field: 'seoTitle' | 'seoDescription', value: string | null) => void;
  onSocialImageChange: (picture: UploadedPicture | null) => void;
};

const inputClass = 'mt-1 block w-full rounded border border-rule bg-white px-3 py-2';

/**
 * 検索・共有: the title and description search results and link previews
 * show, each falling back to the headline and standfirst, with the house
 * limits as guidance; a share picture of its own when the hero does not
 * crop well; and the share card with the picture's real 1200×630 crop (the
 * /crops/og/ address link previews fetch), so a face cut in half is seen
 * before publishing.
 */
export function SeoFields({ seoTitle, seoDescription, headline, standfirst, hero, socialImage, csrfToken, onChange, onSocialImageChange }: SeoFieldsProps) {
  const id = useId();
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The upload field appears on request: most stories share their hero, and
  // one file field on the form by default is one the hero's tests and hands find.
  const [choosing, setChoosing] = useState(false);
  const title = seoTitle ?? headline;
  const description = seoDescription ?? standfirst;
  const picture = socialImage ?? hero;
  const social = picture ? socialImagePath(picture.src) : null;

  async function upload(file: File) {
    setError(null);
    setUploading(true);
    const answer = await uploadPicture(file, csrfToken);
    setUploading(false);
    if (answer.ok) onSocialImageChange(answer.picture);
    else setError(answer.error);
  }

  return (
    <fieldset className="space-y-3 rounded border border-rule bg-white p-4">
      <legend className="px-1 text-sm font-semibold">検索・共有</legend>
      <p id={`${id}-hint`} className="text-xs text-muted">
        検索結果やSNSで記事ページとは別の言葉を使うときだけ入力します。空欄なら記事の見出しとリードを使います。
      </p>
      <div>
        <label className="block text-sm">
          検索・共有用タイトル
          <input
            value={seoTitle ?? ''}
            onChange={(e) => onChange('seoTitle', e.target.value === '' ? null : e.target.value)}
            placeholder={headline}
            maxLength={120}
            aria-describedby={`${id}-hint ${id}-seo-title`}
            className={inputClass}
          />
        </label>
        <CharCount id={`${id}-seo-title`} field="seo-title" count={countCharacters(title.trim())} limit={HOUSE_LIMITS.seoTitle} />
      </div>
      <div>
        <label className="block text-sm">
          検索・共有用の説明
          <textarea
            value={seoDescription ?? ''}
            onChange={(e) => onChange('seoDescription', e.target.value === '' ? null : e.target.value)}
            placeholder={standfirst}
            rows={3}
            maxLength={400}
            aria-describedby={`${id}-hint ${id}-seo-description`}
            className={inputClass}
          />
        </label>
        <CharCount id={`${id}-seo-description`} field="seo-description" count={countCharacters(description.trim())} limit={HOUSE_LIMITS.seoDescription} />
      </div>
      <figure className="max-w-sm overflow-hidden rounded border border-rule bg-paper text-sm" data-testid="share-card">
        {social ? (
          // eslint-disable-next-line @next/next/no-img-element -- the crop link previews fetch, exactly as they get it
          <img
            src={social}
            alt=""
            width={SOCIAL_IMAGE.width}
            height={SOCIAL_IMAGE.height}
            loading="lazy"
            className="aspect-[1200/630] h-auto w-full bg-rule object-cover"
          />
        ) : (
          <div className="flex aspect-[1200/630] items-center justify-center bg-rule text-xs text-muted">写真がないため、サイトのロゴが表示されます</div>
        )}
        <figcaption className="space-y-1 p-3">
          {/* Two lines each, as link previews clip them; fixed heights, so typing never resizes the card. */}
          <span className="line-clamp-2 block h-10 leading-5 font-bold break-words">{title.trim() || '(タイトル未入力)'}</span>
          <span className="line-clamp-2 block h-8 text-xs leading-4 text-muted">{description.trim()}</span>
          <span className="block text-xs text-muted" data-testid="share-picture-source">
            {social
              ? `${socialImage ? '共有用の画像' : 'メイン写真'}を${SOCIAL_IMAGE.width}×${SOCIAL_IMAGE.height}の比率に自動で切り抜いたもの。顔や文字が切れていないか確かめてください。`
              : ''}
          </span>
        </figcaption>
      </figure>
      <div className="flex flex-wrap items-end gap-3 text-sm">
        {!socialImage && !choosing ? (
          <button type="button" onClick={() => setChoosing(true)} className="rounded border border-rule px-2 py-1">
            共有用に別の画像を使う
          </button>
        ) : (
          <label className="block">
            <span>{socialImage ? '共有用の画像を差し替える' : '共有用に別の画像をアップロード'}</span>
            <PictureFileInput disabled={uploading} onFile={(file) => void upload(file)} />
          </label>
        )}
        {socialImage && (
          <button
            type="button"
            onClick={() => {
              onSocialImageChange(null);
              setChoosing(false);
            }}
            className="rounded border border-rule px-2 py-1"
          >
            {hero ? 'メイン写真を使う' : '共有用の画像を外す'}
          </button>
        )}
      </div>
      {uploading && <p className="text-sm text-muted">アップロード中…</p>}
      {error && (
        <p role="alert" className="text-sm text-brand-dark">
          {error}
        </p>
      )}
    </fieldset>
  );
}
