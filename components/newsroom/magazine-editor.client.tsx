'use client';
// Client: the magazine desk's one editor shell: the form's state, its check before sending, the save and the save box, for an issue or a publication alike.

import { useRouter } from 'next/navigation';
import { useState, type ReactNode } from 'react';
import type { MagazineProblem } from '@/lib/newsroom/magazine-rules';
import { countCharacters } from '@/lib/newsroom/counts';
import { formatJstDate, toJstDay } from '@/lib/time/jst';
import { CharCount } from './char-count';
import { useLeaveGuard } from './editor/use-leave-guard';
import { MagazineCoverField } from './magazine-cover-field.client';
import { sendJson } from './send-json';
import type { UploadedPicture } from './upload-picture';

/** What every kind's form holds besides its own fields: the 発売日 (the save's announcement names it) and the cover. */
export type MagazineDraft = { onSaleDate: string; cover: UploadedPicture | null };

/** A kind of item the desk edits (an issue, a MOOK or special edition), as its editor tells the shell. */
export type MagazineFormKind<D extends MagazineDraft, F extends string, I> = {
  /** Starts every id of the form (`issue-featureTitle`, `publication-save-error`). */
  prefix: 'issue' | 'publication';
  /** POST here for a new item, PUT to `{api}/{slug}` for a stored one. */
  api: string;
  /** The editing page, `{page}/{slug}`: a new item (or an issue whose date moved) goes there after its save. */
  page: string;
  /** The draft as a comparable value: what differs from the stored item is unsaved. */
  toKey: (draft: D) => string;
  /** The body the server takes (lib/newsroom/magazine.ts's schemas). */
  toInput: (draft: D) => I;
  /** The rules the server checks with too (lib/newsroom/magazine-rules.ts), so the form names the same field. */
  decideProblems: (input: I) => MagazineProblem<F>[];
  /** The field a change of `key` answers a refusal of (the typed price, 定価's priceYen; the articles, the contents). */
  fieldOf: (key: keyof D) => string;
};

type MagazineFormOptions<D extends MagazineDraft, F extends string, I> = {
  kind: MagazineFormKind<D, F, I>;
  /** The stored item's address and revision; null for a new one. */
  stored: { slug: string; revision: number } | null;
  /** The form as stored, or as a new item starts. */
  start: D;
  csrfToken: string;
};

const NETWORK_ERROR = '通信できませんでした。通信状況を確かめて、もう一度お試しください(入力した内容はこの画面に残っています)。';

/** The inputs' look, one for every field of either form. */
export const MAGAZINE_FIELD_CLASS = 'mt-1 block w-full rounded border border-rule bg-white px-2 py-1.5 aria-[invalid=true]:border-brand-dark';

/**
 * The form's state and its save: a refusal (the form's own check or the
 * server's) marks and focuses its field, keeping what was typed; a save or a
 * refresh brings the stored item, and the form starts from it.
 */
export function useMagazineForm<D extends MagazineDraft, F extends string, I>({ kind, stored, start, csrfToken }: MagazineFormOptions<D, F, I>) {
  const router = useRouter();
  const savedKey = `${stored?.slug ?? 'new'}:${stored?.revision ?? 0}:${kind.toKey(start)}`;
  const [draft, setDraft] = useState<D>(start);
  const [draftOf, setDraftOf] = useState(savedKey);
  // A refusal without a field (another desk saved first, the item is gone) is shown in the save box only.
  const [problems, setProblems] = useState<MagazineProblem<F | null>[]>([]);
  const [busy, setBusy] = useState(false);
  const [announcement, setAnnouncement] = useState('');

  if (draftOf !== savedKey) {
    setDraftOf(savedKey);
    setDraft(start);
  }

  const typed = kind.toKey(draft) !== kind.toKey(start);
  useLeaveGuard(typed);
  const fieldId = (field: F) => `${kind.prefix}-${field}`;
  const problemOf = (field: F) => problems.find((p) => p.field === field)?.message ?? null;

  function change(next: Partial<D>, message = '') {
    setDraft((d) => ({ ...d, ...next }));
    const fields = (Object.keys(next) as (keyof D)[]).map(kind.fieldOf);
    setProblems((ps) => ps.filter((p) => p.field === null || !fields.includes(p.field)));
    if (message) setAnnouncement(message);
  }

  function refuse(found: MagazineProblem<F | null>[]) {
    setProblems(found);
    const first = found[0];
    // After React has drawn the messages: the box to focus may not exist yet.
    if (first) setTimeout(() => document.getElementById(first.field ? fieldId(first.field) : `${kind.prefix}-save-error`)?.focus());
  }

  async function save() {
    const input = kind.toInput(draft);
    const found = kind.decideProblems(input);
    if (found.length > 0) return refuse(found);
    setBusy(true);
    setAnnouncement('');
    const options = { offline: NETWORK_ERROR, refused: () => '保存できませんでした。' };
    const answer = stored
      ? await sendJson(`${kind.api}/${stored.slug}`, csrfToken, { ...input, baseRevision: stored.revision }, { ...options, method: 'PUT' })
      : await sendJson(kind.api, csrfToken, input, options);
    setBusy(false);
    if (!answer.ok) {
      const field = typeof answer.body.field === 'string' ? (answer.body.field as F) : null;
      refuse([{ field, message: answer.error }]);
      return;
    }
    const slug = String(answer.body.slug);
    const shownNow = draft.onSaleDate <= toJstDay(new Date());
    setAnnouncement(shownNow ? '保存しました。読者のページにすぐ反映されます。' : `保存しました。発売日(${formatJstDate(draft.onSaleDate)})から読者に表示されます。`);
    if (!stored || slug !== stored.slug) router.replace(`${kind.page}/${slug}?saved=1`);
    else router.refresh();
  }

  /** The ids a field's input is described by: its hint or count, and its refusal while there is one. */
  const describedBy = (field: F, extra = '') => [extra, problemOf(field) ? `${fieldId(field)}-error` : ''].filter(Boolean).join(' ') || undefined;

  const fieldError = (field: F) =>
    problemOf(field) && (
      <p id={`${fieldId(field)}-error`} className="mt-1 text-sm text-brand-dark">
        {problemOf(field)}
      </p>
    );

  return { prefix: kind.prefix, stored, draft, change, problems, problemOf, fieldId, describedBy, fieldError, busy, typed, announcement, save };
}

export type MagazineForm<D extends MagazineDraft, F extends string> = ReturnType<typeof useMagazineForm<D, F, unknown>>;

type MagazineFieldProps<D extends MagazineDraft, F extends string> = {
  form: MagazineForm<D, F>;
  /** The draft's text and the field a refusal names: the same word. */
  name: F & keyof D;
  label: string;
  /** The label's place in the form (its top margin). */
  className: string;
  type?: 'text' | 'date' | 'textarea';
  /** A line between the label and the box: where readers see it. */
  note?: string;
  /** A line under the box, which describes it. */
  hint?: { id: string; text: string };
  /** 字数 under the field against the house limit, named `{prefix}-{name}` (its id `…-count`). */
  count?: { name: string; limit: number };
  readOnly?: boolean;
  inputClassName?: string;
};

/** One text, date or long-text field of either form, with its hint or 字数 and its refusal, each tied to the box for screen readers. */
export function MagazineField<D extends MagazineDraft, F extends string>(props: MagazineFieldProps<D, F>) {
  const { form, name, label, className, type = 'text', note, hint, count, readOnly, inputClassName = MAGAZINE_FIELD_CLASS } = props;
  const value = String(form.draft[name]);
  const counted = count ? countCharacters(value.trim()) : 0;
  const countId = count && `${form.prefix}-${count.name}-count`;
  const box = {
    id: form.fieldId(name),
    value,
    onChange: (e: { target: { value: string } }) => form.change({ [name]: e.target.value } as Partial<D>),
    'aria-invalid': form.problemOf(name) || (count && counted > count.limit) ? true : undefined,
    'aria-describedby': form.describedBy(name, hint?.id ?? countId),
    className: inputClassName,
  };
  return (
    <>
      <label className={className}>
        <span className="block font-semibold">{label}</span>
        {note && <span className="block text-xs text-muted">{note}</span>}
        {type === 'textarea' ? <textarea {...box} rows={5} /> : <input {...box} type={type === 'date' ? 'date' : undefined} readOnly={readOnly} />}
        {hint && (
          <span id={hint.id} className="mt-1 block text-xs text-muted">
            {hint.text}
          </span>
        )}
        {!count && form.fieldError(name)}
      </label>
      {count && countId && <CharCount id={countId} field={`${form.prefix}-${count.name}`} count={counted} limit={count.limit} />}
      {count && form.fieldError(name)}
    </>
  );
}

type MagazineEditorFrameProps<D extends MagazineDraft, F extends string> = {
  form: MagazineForm<D, F>;
  /** The heading of the kind's own fields (`children`). */
  title: string;
  children: ReactNode;
  /** The create button's words (この号を作成, 作成). */
  createLabel: string;
  /** Under the save box's heading: where the item stands for readers. */
  standing?: ReactNode;
  /** Under the save button: a link to the reader's page. */
  links?: ReactNode;
  cover: { id: string; shareCheck: boolean; csrfToken: string; announcement?: string };
  /** Sections of the kind's own below its fields: `first` before the save box on a phone, `last` after it (an issue's contents and the long picker). */
  more?: { first: ReactNode; last: ReactNode };
};

/**
 * The editor's layout: the kind's fields (and its further sections) in the
 * wide column, the save box and the cover beside them on a desk, after them
 * on a phone.
 */
export function MagazineEditorFrame<D extends MagazineDraft, F extends string>({ form, title, children, createLabel, standing, links, cover, more }: MagazineEditorFrameProps<D, F>) {
  const { prefix, stored, draft, change, problems, problemOf, busy, typed, announcement, save } = form;
  return (
    // On a phone the save box and the cover come after the first sections, before the long picker; beside them on a desk.
    <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,22rem)]">
      <section aria-labelledby={`${prefix}-fields-heading`} className={`rounded border border-rule bg-white p-4${more ? ' lg:col-start-1' : ''}`}>
        <h2 id={`${prefix}-fields-heading`} className="text-lg font-bold">
          {title}
        </h2>
        {children}
      </section>

      {more && <div className="lg:col-start-1">{more.first}</div>}

      <aside className={`space-y-4 lg:sticky lg:top-4${more ? ' lg:col-start-2 lg:row-span-3 lg:row-start-1' : ''}`}>
        <section aria-labelledby={`${prefix}-save-heading`} className="rounded border border-rule bg-white p-4">
          <h2 id={`${prefix}-save-heading`} className="text-lg font-bold">
            保存
          </h2>
          {standing}
          <div className="mt-3 flex flex-wrap items-center gap-3">
            <button
              type="button"
              onClick={() => void save()}
              disabled={busy || (stored !== null && !typed)}
              className="rounded bg-brand px-4 py-2 text-sm font-bold text-white disabled:opacity-50"
            >
              {busy ? '保存中…' : stored ? '保存' : createLabel}
            </button>
            {typed && <span className="text-sm text-muted">未保存の変更があります。</span>}
          </div>
          {links}
          <p role="status" className="mt-2 min-h-5 text-sm">
            {announcement}
          </p>
          {problems.length > 0 && (
            <div
              id={`${prefix}-save-error`}
              tabIndex={-1}
              role="alert"
              className="mt-2 rounded border border-brand-dark bg-white px-3 py-2 text-sm text-brand-dark"
              data-testid={`${prefix}-problems`}
            >
              <p className="font-semibold">保存できませんでした。</p>
              <ul className="mt-1 list-disc space-y-1 pl-5">
                {problems.map((p) => (
                  <li key={`${p.field}:${p.message}`}>{p.message}</li>
                ))}
              </ul>
            </div>
          )}
        </section>
        <MagazineCoverField
          id={cover.id}
          cover={draft.cover}
          csrfToken={cover.csrfToken}
          error={problemOf('cover' as F)}
          shareCheck={cover.shareCheck}
          onChange={(picture) => change({ cover: picture } as Partial<D>, cover.announcement)}
        />
      </aside>

      {more && <div className="lg:col-start-1">{more.last}</div>}
    </div>
  );
}
