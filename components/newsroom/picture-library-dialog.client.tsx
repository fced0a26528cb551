'use client';
// Client: a modal over the editor that searches the library as the editor types and hands the chosen picture back to the form.

import Image from 'next/image';
import { useEffect, useId, useRef, useState } from 'react';
import { CREDIT_PREFIX } from '@/lib/newsroom/fields';
import { ALT_REQUIRED, PICTURE_LIMITS, type LibraryPicture, type PicturePage } from '@/lib/newsroom/picture-fields';
import { inputClass } from './editor/form-styles';
import { savePictureFields, searchPictures } from './picture-library-api';
import { PictureUploadFields } from './picture-upload-fields.client';

type PictureLibraryDialogProps = {
  open: boolean;
  /**
   * A body figure needs alt text; a hero takes the picture and its words are
   * edited in the hero field; an author's portrait (ADR 0050) takes the
   * picture alone, its words staying the library's; a magazine cover is
   * taken as it is (its alt text names the issue, ADR 0049), without the
   * words step.
   */
  purpose: 'body' | 'hero' | 'portrait' | 'cover';
  csrfToken: string;
  onClose: () => void;
  onChoose: (picture: LibraryPicture) => void;
};

const pick = ({ caption, credit, alt }: LibraryPicture) => ({ caption, credit, alt });

/** The dialog's heading and its confirm button, per use. */
const PURPOSE_LABELS = {
  body: { title: '本文に写真を挿入', confirm: '本文に挿入' },
  hero: { title: 'メイン写真をライブラリから選ぶ', confirm: 'メイン写真にする' },
  portrait: { title: '筆者の写真をライブラリから選ぶ', confirm: 'この写真にする' },
  cover: { title: '表紙をライブラリから選ぶ', confirm: '表紙にする' },
} as const;

/** How long typing pauses before the library is searched, in ms. */
const SEARCH_PAUSE = 250;

/**
 * The picture library inside the editor (ADR 0046): search it or upload a
 * new picture, choose one, check its words for this use, and hand it back.
 * A native modal <dialog>: focus stays inside, Escape closes it, and the
 * opener puts focus back where it was. No <form> inside (it sits within the
 * editor's form), and Enter never submits the article.
 */
export function PictureLibraryDialog({ open, purpose, csrfToken, onClose, onChoose }: PictureLibraryDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [tab, setTab] = useState<'library' | 'upload'>('library');
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(1);
  const [result, setResult] = useState<PicturePage | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [chosen, setChosen] = useState<LibraryPicture | null>(null);
  const [words, setWords] = useState({ caption: '', credit: '', alt: '' });
  const [wordsError, setWordsError] = useState<string | null>(null);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  useEffect(() => {
    if (!open) return;
    let current = true;
    const timer = setTimeout(async () => {
      setLoading(true);
      const answer = await searchPictures(query, page, csrfToken);
      if (!current) return;
      setLoading(false);
      if (answer.ok) {
        setResult(answer.value);
        setError(null);
      } else setError(answer.error);
    }, SEARCH_PAUSE);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [open, query, page, csrfToken, reload]);

  function choose(picture: LibraryPicture) {
    if (purpose === 'cover') {
      onChoose(picture);
      return;
    }
    setChosen(picture);
    setWords({ caption: picture.caption, credit: picture.credit, alt: picture.alt });
    setWordsError(null);
  }

  function confirm() {
    if (!chosen) return;
    if (purpose === 'body' && !words.alt.trim()) {
      setWordsError(ALT_REQUIRED);
      document.getElementById(`${id}-alt`)?.focus();
      return;
    }
    // Words the library lacked and the editor has just written are kept for the next use; words it has stay as they are.
    const missing = purpose === 'portrait' ? [] : (['caption', 'credit', 'alt'] as const).filter((key) => !chosen[key].trim() && words[key].trim());
    if (missing.length > 0) void savePictureFields(chosen.id, { ...pick(chosen), ...Object.fromEntries(missing.map((key) => [key, words[key]])) }, csrfToken);
    onChoose({ ...chosen, ...words });
    setChosen(null);
  }

  const set = (key: keyof typeof words) => (e: React.ChangeEvent<HTMLInputElement>) => setWords((w) => ({ ...w, [key]: e.target.value }));

  return (
    <dialog
      ref={dialog}
      aria-labelledby={`${id}-title`}
      onClose={onClose}
      onKeyDown={(e) => {
        // Enter in a text box would submit the editor's form (and save the article) behind the dialog.
        if (e.key === 'Enter' && e.target instanceof HTMLInputElement) e.preventDefault();
      }}
      className="m-auto max-h-[90vh] w-[min(56rem,calc(100vw-1rem))] overflow-y-auto rounded border border-rule bg-white p-0 text-ink backdrop:bg-black/50"
      data-testid="picture-dialog"
    >
      {open && (
        <div className="space-y-4 p-4">
          <div className="flex items-center gap-3">
            <h2 id={`${id}-title`} className="text-lg font-bold">
              {PURPOSE_LABELS[purpose].title}
            </h2>
            <button type="button" onClick={onClose} className="ml-auto rounded border border-rule px-3 py-1 text-sm">
              閉じる
            </button>
          </div>
          <div role="group" aria-label="写真の選び方" className="flex gap-2 border-b border-rule text-sm">
            {(
              [
                ['library', 'ライブラリから選ぶ'],
                ['upload', '新しくアップロード'],
              ] as const
            ).map(([key, label]) => (
              <button
                key={key}
                type="button"
                aria-pressed={tab === key}
                onClick={() => setTab(key)}
                className={`-mb-px border-b-2 px-3 py-2 ${tab === key ? 'border-brand font-bold' : 'border-transparent text-muted'}`}
              >
                {label}
              </button>
            ))}
          </div>

          {chosen ? (
            <div className="grid gap-4 sm:grid-cols-[16rem_1fr]" data-testid="picture-chosen">
              <Image src={chosen.src} alt="" width={chosen.width} height={chosen.height} sizes="256px" className="h-auto w-64 max-w-full border border-rule" />
              <div className="space-y-3 text-sm">
                {purpose !== 'portrait' && (
                  <>
                    <p className="text-xs text-muted">
                      この記事で使う説明です。変えてもライブラリの説明は変わりません。
                    </p>
                    <label className="block">
                      代替テキスト(写真の内容を文章で){purpose === 'body' && <span className="ml-1 text-brand-dark">必須</span>}
                      <input id={`${id}-alt`} value={words.alt} onChange={set('alt')} maxLength={PICTURE_LIMITS.alt} className={inputClass} />
                    </label>
                    <label className="block">
                      キャプション
                      <input value={words.caption} onChange={set('caption')} maxLength={PICTURE_LIMITS.caption} className={inputClass} />
                    </label>
                    <label className="block">
                      クレジット(表示:{CREDIT_PREFIX}〇〇)
                      <input value={words.credit} onChange={set('credit')} maxLength={PICTURE_LIMITS.credit} className={inputClass} />
                    </label>
                  </>
                )}
                {wordsError && (
                  <p role="alert" className="text-brand-dark">
                    {wordsError}
                  </p>
                )}
                <div className="flex flex-wrap gap-2">
                  <button type="button" onClick={confirm} className="rounded bg-brand px-4 py-2 font-bold text-white">
                    {PURPOSE_LABELS[purpose].confirm}
                  </button>
                  <button type="button" onClick={() => setChosen(null)} className="rounded border border-rule px-4 py-2">
                    選び直す
                  </button>
                </div>
              </div>
            </div>
          ) : tab === 'upload' ? (
            <PictureUploadFields
              csrfToken={csrfToken}
              requireAlt={purpose === 'body'}
              onUploaded={(picture) => {
                setTab('library');
                setQuery('');
                setPage(1);
                setReload((n) => n + 1);
                choose(picture);
              }}
            />
          ) : (
            <div className="space-y-3">
              <label className="block text-sm">
                キャプション・クレジット・代替テキストで検索
                <input
                  type="search"
                  value={query}
                  onChange={(e) => {
                    setQuery(e.target.value);
                    setPage(1);
                  }}
                  maxLength={100}
                  autoFocus
                  className={inputClass}
                />
              </label>
              <p aria-live="polite" className="text-xs text-muted">
                {loading ? '読み込み中…' : result && result.pictures.length === 0 ? (query ? '見つかりませんでした。' : 'ライブラリに写真がありません。「新しくアップロード」から追加できます。') : ''}
              </p>
              {error && (
                <p role="alert" className="text-sm text-brand-dark">
                  {error}
                </p>
              )}
              <ul className="grid grid-cols-2 gap-2 sm:grid-cols-4" aria-label="写真">
                {result?.pictures.map((picture) => (
                  <li key={picture.id}>
                    <button
                      type="button"
                      onClick={() => choose(picture)}
                      className="block w-full rounded border border-rule text-left text-xs hover:border-ink focus-visible:outline-2 focus-visible:outline-brand"
                      data-testid="picture-choice"
                    >
                      <span className="flex aspect-[3/2] items-center justify-center overflow-hidden bg-paper">
                        <Image src={picture.src} alt="" width={picture.width} height={picture.height} sizes="200px" className="h-full w-full object-contain" />
                      </span>
                      <span className="block truncate px-1.5 pt-1 font-semibold">{picture.caption || 'キャプションなし'}</span>
                      <span className="block truncate px-1.5 pb-1 text-muted">{picture.credit ? `${CREDIT_PREFIX}${picture.credit}` : ' '}</span>
                    </button>
                  </li>
                ))}
              </ul>
              {result && (result.page > 1 || result.hasNext) && (
                <div className="flex justify-between text-sm">
                  <button type="button" disabled={result.page <= 1} onClick={() => setPage((p) => p - 1)} className="rounded border border-rule px-3 py-1 disabled:opacity-40">
                    ← 新しい写真
                  </button>
                  <button type="button" disabled={!result.hasNext} onClick={() => setPage((p) => p + 1)} className="rounded border border-rule px-3 py-1 disabled:opacity-40">
                    古い写真 →
                  </button>
                </div>
              )}
            </div>
          )}
        </div>
      )}
    </dialog>
  );
}
