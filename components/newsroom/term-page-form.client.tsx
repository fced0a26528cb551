'use client';
// Client: the edit form keeps what was typed while it saves, shows the server's refusal beside it, and opens the picture library for a portrait.

import Image from 'next/image';
import { useRouter } from 'next/navigation';
import { useId, useRef, useState } from 'react';
import type { LibraryPicture } from '@/lib/newsroom/picture-fields';
import {
  decideTermDeleteRefusal,
  SLUG_FIXED,
  TERM_KIND_LABELS,
  TERM_LIMITS,
  type AuthorFields,
  type SeriesFields,
  type TermFields,
  type TermKind,
  type TermUse,
} from '@/lib/newsroom/term-pages-labels';
import { buttonClass, inputClass } from './editor/form-styles';
import { PictureLibraryDialog } from './picture-library-dialog.client';
import { sendJson } from './send-json';

type Portrait = { src: string; width: number; height: number } | null;

type TermPageFormProps = {
  kind: TermKind;
  /** The term's slug when editing; undefined on the create form. */
  slug?: string;
  fields: TermFields[TermKind];
  portrait: Portrait;
  use: TermUse;
  /** A series' public articles whose cards show no PR label. */
  unlabelledArticles: number;
  readerPath: string | null;
  /** Said once after a create (`?created=1`). */
  created?: boolean;
  csrfToken: string;
};

type Status = { busy: boolean; error: string | null; saved: boolean };

/** How many characters, against the limit, as the desk's other counters show it. */
function Count({ value, max }: { value: string; max: number }) {
  const n = [...value].length;
  return <span className={`ml-2 text-xs ${n > max ? 'font-bold text-brand-dark' : 'text-muted'}`}>{`${n}/${max}字`}</span>;
}

/**
 * A topic's, series' or author's fields (ADR 0050), for a new one (with its
 * URL) or an existing one (whose URL stays). Saving answers what readers
 * now see; a refusal keeps every typed character and says why; deleting is
 * offered only when no article uses it, and says why not otherwise.
 */
export function TermPageForm({ kind, slug, fields: initial, portrait: initialPortrait, use, unlabelledArticles, readerPath, created = false, csrfToken }: TermPageFormProps) {
  const id = useId();
  const creating = slug === undefined;
  const noun = TERM_KIND_LABELS[kind].noun;
  const [fields, setFields] = useState<Record<string, unknown>>(initial);
  const [newSlug, setNewSlug] = useState('');
  const [portrait, setPortrait] = useState<Portrait>(initialPortrait);
  const [choosing, setChoosing] = useState(false);
  const [status, setStatus] = useState<Status>({ busy: false, error: null, saved: false });
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const pictureButton = useRef<HTMLButtonElement>(null);
  const router = useRouter();

  const text = (key: string) => (typeof fields[key] === 'string' ? (fields[key] as string) : '');
  const set = (key: string, value: unknown) => {
    setFields((f) => ({ ...f, [key]: value }));
    setStatus((s) => ({ ...s, saved: false }));
  };
  const onText = (key: string) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => set(key, e.target.value);

  async function save(event: React.FormEvent) {
    event.preventDefault();
    setStatus({ busy: true, error: null, saved: false });
    const answer = creating
      ? await sendJson(`/api/newsroom/terms/${kind}`, csrfToken, { slug: newSlug, ...fields })
      : await sendJson(`/api/newsroom/terms/${kind}/${encodeURIComponent(slug)}`, csrfToken, fields, { method: 'PUT' });
    if (!answer.ok) return setStatus({ busy: false, error: answer.error, saved: false });
    if (creating) {
      router.push(`${String(answer.body.path)}?created=1`);
      return;
    }
    setStatus({ busy: false, error: null, saved: true });
  }

  async function remove() {
    if (creating || !window.confirm(`${noun}「${text('name')}」を削除します。元に戻せません。よろしいですか。`)) return;
    setDeleteError(null);
    const answer = await sendJson(`/api/newsroom/terms/${kind}/${encodeURIComponent(slug)}/delete`, csrfToken, {});
    if (!answer.ok) return setDeleteError(answer.error);
    router.push(`/newsroom/terms?kind=${kind}&deleted=${encodeURIComponent(text('name'))}`);
  }

  const deleteRefusal = creating ? null : decideTermDeleteRefusal(kind, (initial as { name: string }).name, use);

  return (
    <div className="space-y-6">
      <form onSubmit={(e) => void save(e)} className="space-y-4 rounded border border-rule bg-white p-4" noValidate>
        {created && (
          <p role="status" className="rounded border border-rule bg-paper px-3 py-2 text-sm">
            {noun}を作成しました。記事の編集画面で選べます。
          </p>
        )}
        <label className="block text-sm">
          名前<span className="ml-1 text-brand-dark">必須</span>
          <Count value={text('name')} max={TERM_LIMITS.name} />
          <input name="name" value={text('name')} onChange={onText('name')} maxLength={TERM_LIMITS.name} className={inputClass} required />
        </label>

        {creating ? (
          <label className="block text-sm">
            URL(英字の名前)<span className="ml-1 text-brand-dark">必須</span>
            <span className="mt-0.5 block text-xs text-muted">半角の英小文字・数字・ハイフン。読者のページのURLになり、作成後は変えられません。</span>
            <span className="mt-1 flex items-center gap-1">
              <span className="shrink-0 text-muted">/{kind}/</span>
              <input
                name="slug"
                value={newSlug}
                onChange={(e) => setNewSlug(e.target.value)}
                maxLength={64}
                inputMode="url"
                autoCapitalize="off"
                autoCorrect="off"
                spellCheck={false}
                placeholder={kind === 'authors' ? 'yamada-taro' : kind === 'series' ? 'machi-no-hito' : 'harbor-town'}
                className="block w-full min-w-0 rounded border border-rule bg-white px-3 py-2"
              />
            </span>
          </label>
        ) : (
          <div className="text-sm">
            <p>URL</p>
            <p className="mt-1 font-mono break-all" data-testid="term-slug">
              /{kind}/{slug}
            </p>
            <p className="mt-0.5 text-xs text-muted">{SLUG_FIXED}</p>
          </div>
        )}

        {kind === 'authors' ? (
          <AuthorFieldsInputs
            fields={fields as AuthorFields}
            portrait={portrait}
            onText={onText}
            onChoose={() => setChoosing(true)}
            onRemovePortrait={() => {
              setPortrait(null);
              set('portraitSrc', null);
            }}
            pictureButton={pictureButton}
            id={id}
          />
        ) : (
          <label className="block text-sm">
            説明<span className="ml-1 text-xs text-muted">({kind === 'topics' ? '特集ページの見出しの下' : '連載ページとサイドバーの「連載」'}に出ます)</span>
            <Count value={text('description')} max={TERM_LIMITS.description} />
            <textarea name="description" value={text('description')} onChange={onText('description')} maxLength={TERM_LIMITS.description} rows={3} className={inputClass} />
          </label>
        )}

        {kind === 'series' && (
          <SponsorInputs fields={fields as SeriesFields} onText={onText} onSponsored={(on) => set('sponsored', on)} unlabelledArticles={unlabelledArticles} />
        )}

        {status.error && (
          <p role="alert" className="rounded border border-brand/40 bg-brand/5 px-3 py-2 text-sm text-brand-dark" data-testid="term-error">
            {status.error}
          </p>
        )}
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" disabled={status.busy} className={`${buttonClass} bg-brand text-white`}>
            {creating ? `${noun}を作成` : '保存して公開'}
          </button>
          <span role="status" className="text-sm" data-testid="term-saved">
            {status.busy ? '保存中…' : status.saved ? '保存しました。読者のページにも反映しました。' : ''}
          </span>
          {readerPath && (
            <a href={readerPath} target="_blank" rel="noreferrer" className="text-sm underline">
              読者のページを開く
            </a>
          )}
        </div>
      </form>

      {kind === 'authors' && (
        <PictureLibraryDialog
          open={choosing}
          purpose="portrait"
          csrfToken={csrfToken}
          onClose={() => {
            setChoosing(false);
            pictureButton.current?.focus();
          }}
          onChoose={(picture: LibraryPicture) => {
            setChoosing(false);
            setPortrait({ src: picture.src, width: picture.width, height: picture.height });
            set('portraitSrc', picture.src);
            pictureButton.current?.focus();
          }}
        />
      )}

      {!creating && (
        <section aria-labelledby={`${id}-delete`} className="space-y-2 rounded border border-rule bg-white p-4 text-sm">
          <h2 id={`${id}-delete`} className="font-bold">
            {noun}を削除
          </h2>
          <p>
            使っている記事:公開中{use.public}本{use.other > 0 && `、下書きなど${use.other}本`}
          </p>
          {deleteRefusal ? (
            <p data-testid="term-delete-refusal">{deleteRefusal}</p>
          ) : (
            <button type="button" onClick={() => void remove()} className={`${buttonClass} border border-brand text-brand-dark`}>
              削除する
            </button>
          )}
          {deleteError && (
            <p role="alert" className="text-brand-dark">
              {deleteError}
            </p>
          )}
        </section>
      )}
    </div>
  );
}

type AuthorFieldsInputsProps = {
  fields: AuthorFields;
  portrait: Portrait;
  onText: (key: string) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => void;
  onChoose: () => void;
  onRemovePortrait: () => void;
  pictureButton: React.RefObject<HTMLButtonElement | null>;
  id: string;
};

/** 肩書き, プロフィール and the portrait from the library. */
function AuthorFieldsInputs({ fields, portrait, onText, onChoose, onRemovePortrait, pictureButton, id }: AuthorFieldsInputsProps) {
  return (
    <>
      <label className="block text-sm">
        肩書き<span className="ml-1 text-brand-dark">必須</span>
        <span className="ml-1 text-xs text-muted">(署名に「伊東さやか(経済部記者)」のように出ます)</span>
        <Count value={fields.role} max={TERM_LIMITS.role} />
        <input name="role" value={fields.role} onChange={onText('role')} maxLength={TERM_LIMITS.role} className={inputClass} />
      </label>
      <label className="block text-sm">
        プロフィール<span className="ml-1 text-xs text-muted">(筆者のページに出ます。空行で段落を分けます)</span>
        <Count value={fields.profile} max={TERM_LIMITS.profile} />
        <textarea name="profile" value={fields.profile} onChange={onText('profile')} maxLength={TERM_LIMITS.profile} rows={6} className={inputClass} />
      </label>
      <fieldset className="space-y-2 text-sm">
        <legend>写真(任意)</legend>
        <div className="flex flex-wrap items-center gap-3">
          {portrait ? (
            <Image src={portrait.src} alt="" width={portrait.width} height={portrait.height} sizes="96px" className="size-24 rounded-full border border-rule object-cover" data-testid="portrait-preview" />
          ) : (
            <span id={`${id}-no-portrait`} className="text-muted">
              写真はありません。
            </span>
          )}
          <button ref={pictureButton} type="button" onClick={onChoose} aria-haspopup="dialog" className="rounded border border-rule px-3 py-1.5">
            {portrait ? '写真を変える' : 'ライブラリから選ぶ'}
          </button>
          {portrait && (
            <button type="button" onClick={onRemovePortrait} className="rounded border border-rule px-3 py-1.5">
              写真を外す
            </button>
          )}
        </div>
        <p className="text-xs text-muted">写真ライブラリの写真から選びます。新しい写真はライブラリの画面か、選ぶ画面の「新しくアップロード」から追加できます。</p>
      </fieldset>
    </>
  );
}

type SponsorInputsProps = {
  fields: SeriesFields;
  onText: (key: string) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => void;
  onSponsored: (on: boolean) => void;
  unlabelledArticles: number;
};

/** The PR switch and who pays, with what readers will see. */
function SponsorInputs({ fields, onText, onSponsored, unlabelledArticles }: SponsorInputsProps) {
  return (
    <fieldset className="space-y-3 rounded border border-rule p-3 text-sm">
      <legend className="px-1">広告(PR)</legend>
      <label className="flex items-center gap-2">
        <input type="checkbox" name="sponsored" checked={fields.sponsored} onChange={(e) => onSponsored(e.target.checked)} />
        提供を受けた広告企画の連載(PR)
      </label>
      {fields.sponsored && (
        <>
          <label className="block">
            提供元(スポンサー名)<span className="ml-1 text-brand-dark">必須</span>
            <Count value={fields.sponsorName} max={TERM_LIMITS.sponsorName} />
            <input name="sponsorName" value={fields.sponsorName} onChange={onText('sponsorName')} maxLength={TERM_LIMITS.sponsorName} className={inputClass} />
          </label>
          <p className="text-xs text-muted">
            連載ページ・各記事の見出しの上・サイドバーに「PR」と「提供:{fields.sponsorName || '〇〇'}」が出ます。
          </p>
          {unlabelledArticles > 0 && (
            <p className="rounded border border-brand/40 bg-brand/5 px-2 py-1 text-xs text-brand-dark" data-testid="unlabelled-articles">
              この連載の公開中の記事のうち{unlabelledArticles}本は「PR表記」が付いていません。一覧や関連記事のカードにもPRを出すには、各記事の「PR表記」を付けて公開し直してください。
            </p>
          )}
        </>
      )}
    </fieldset>
  );
}
