import Image from 'next/image';
import Link from 'next/link';
import { CREDIT_PREFIX } from '@/lib/newsroom/fields';
import type { PicturePage } from '@/lib/newsroom/picture-fields';
import { formatDateline } from '@/lib/time/jst';
import { PictureEntryForm } from './picture-entry-form.client';
import { PictureUploadFields } from './picture-upload-fields.client';
import { NewsroomPager } from './newsroom-pager';

type PictureLibraryProps = { library: PicturePage; query: string; csrfToken: string };

/** Bytes as a desk reads them: `850KB`, `2.4MB`. */
export function formatBytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))}KB` : `${(bytes / 1024 / 1024).toFixed(1)}MB`;
}

function pageHref(query: string, page: number): string {
  const params = new URLSearchParams();
  if (query) params.set('q', query);
  if (page > 1) params.set('page', String(page));
  const search = params.toString();
  return `/newsroom/pictures${search ? `?${search}` : ''}`;
}

/**
 * 写真ライブラリ (ADR 0046): the upload, the search (a plain GET form, so a
 * search is a link a desk can share), and the pictures newest first, each
 * with its words, size, uploader and date, and its words editable in place.
 */
export function PictureLibrary({ library, query, csrfToken }: PictureLibraryProps) {
  const { pictures, page, hasNext } = library;
  return (
    <div className="space-y-6">
      <details className="rounded border border-rule bg-white p-4" open={pictures.length === 0 && !query}>
        <summary className="cursor-pointer text-sm font-bold">写真をアップロード</summary>
        <div className="mt-3">
          <PictureUploadFields csrfToken={csrfToken} refreshOnUpload />
        </div>
      </details>

      <form role="search" action="/newsroom/pictures" method="get" className="flex flex-wrap items-end gap-2">
        <label className="min-w-0 flex-1 text-sm">
          キャプション・クレジット・代替テキストで検索
          <input
            type="search"
            name="q"
            defaultValue={query}
            maxLength={100}
            placeholder="例:花火 共同"
            className="mt-1 block w-full rounded border border-rule bg-white px-3 py-2"
          />
        </label>
        <button type="submit" className="rounded bg-ink px-4 py-2 text-sm font-bold text-white">
          検索
        </button>
        {query && (
          <Link href="/newsroom/pictures" className="px-2 py-2 text-sm underline">
            検索をやめる
          </Link>
        )}
      </form>

      {query && <p className="text-sm" data-testid="picture-search-result">「{query}」を含む写真{pictures.length === 0 ? 'は見つかりませんでした。' : ''}</p>}
      {pictures.length === 0 && !query && <p className="text-sm text-muted">写真はまだありません。アップロードした写真はすべてここに入ります。</p>}

      <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4" data-testid="picture-grid">
        {pictures.map((picture) => (
          <li key={picture.id} className="flex min-w-0 flex-col rounded border border-rule bg-white" data-testid="picture-card">
            <div className="flex aspect-[3/2] items-center justify-center overflow-hidden rounded-t bg-paper">
              <Image
                src={picture.src}
                alt={picture.alt}
                width={picture.width}
                height={picture.height}
                sizes="(min-width: 1024px) 300px, 50vw"
                className="h-full w-full object-contain"
              />
            </div>
            <div className="flex min-w-0 flex-1 flex-col gap-1 p-2 text-sm">
              <p className={picture.caption ? 'line-clamp-2 font-semibold' : 'text-muted'}>{picture.caption || 'キャプションなし'}</p>
              {picture.credit && (
                <p className="truncate text-xs text-muted">
                  {CREDIT_PREFIX}
                  {picture.credit}
                </p>
              )}
              {!picture.alt && <p className="w-fit rounded bg-brand/10 px-1.5 text-xs text-brand-dark">代替テキスト未入力</p>}
              <p className="mt-auto text-xs text-muted">
                {picture.width}×{picture.height}px{picture.byteSize !== null && `・${formatBytes(picture.byteSize)}`}
                <br />
                {picture.uploadedBy ?? '記事から登録'}・{formatDateline(picture.createdAt)}
              </p>
              <details className="text-sm">
                <summary className="cursor-pointer text-xs underline">説明を編集</summary>
                <PictureEntryForm picture={picture} csrfToken={csrfToken} />
              </details>
            </div>
          </li>
        ))}
      </ul>

      <NewsroomPager page={page} hasNext={hasNext} href={(n) => pageHref(query, n)} previous="← 新しい写真" next="古い写真 →" />
    </div>
  );
}
