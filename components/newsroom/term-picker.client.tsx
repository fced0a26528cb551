'use client';
// Client: part of the editor form's state: picks topics or tags by name and creates missing ones without leaving the form.

import { useId, useState } from 'react';
import { sendJson } from './send-json';

type Term = { slug: string; name: string; kind?: string };

type TermPickerProps = {
  kind: 'topic' | 'tag';
  label: string;
  hint: string;
  selected: string[];
  options: Term[];
  csrfToken: string;
  onChange: (slugs: string[]) => void;
  onCreated: (term: Term) => void;
};

const TAG_KINDS = [
  ['person', '人物'],
  ['place', '地名'],
  ['organization', '組織'],
] as const;

/** Chips of the chosen terms (in order) and a field to add one by name, or create it. */
export function TermPicker({ kind, label, hint, selected, options, csrfToken, onChange, onCreated }: TermPickerProps) {
  const listId = useId();
  const [text, setText] = useState('');
  const [creating, setCreating] = useState(false);
  const [tagKind, setTagKind] = useState<string>('person');
  const [slug, setSlug] = useState('');
  const [error, setError] = useState<string | null>(null);
  const byName = (name: string) => options.find((o) => o.name === name.trim() || o.slug === name.trim());

  function add() {
    const name = text.trim();
    if (name === '') return;
    const found = byName(name);
    if (!found) {
      setCreating(true);
      return;
    }
    if (!selected.includes(found.slug)) onChange([...selected, found.slug]);
    setText('');
    setError(null);
  }

  async function create() {
    setError(null);
    const failed = '作成できませんでした。';
    const answer = await sendJson('/api/newsroom/terms', csrfToken, { kind, name: text.trim(), slug: slug.trim() || undefined, tagKind: kind === 'tag' ? tagKind : undefined }, { offline: failed, refused: () => failed });
    const body = answer.body as Term;
    if (!answer.ok || typeof body.slug !== 'string') {
      setError(answer.ok ? failed : answer.error);
      return;
    }
    onCreated(body);
    onChange([...selected, body.slug]);
    setText('');
    setSlug('');
    setCreating(false);
  }

  return (
    <fieldset className="rounded border border-rule bg-white p-4">
      <legend className="px-1 text-sm font-semibold">{label}</legend>
      <p className="text-xs text-muted">{hint}</p>
      <ul className="mt-2 flex flex-wrap gap-2" aria-label={`選択中の${label}`}>
        {selected.map((s) => (
          <li key={s} className="flex items-center gap-1 rounded-full border border-rule bg-paper px-3 py-1 text-sm">
            {options.find((o) => o.slug === s)?.name ?? s}
            <button type="button" onClick={() => onChange(selected.filter((x) => x !== s))} aria-label={`${label}「${options.find((o) => o.slug === s)?.name ?? s}」を外す`} className="ml-1 text-muted hover:text-ink">
              ×
            </button>
          </li>
        ))}
      </ul>
      <div className="mt-3 flex gap-2">
        <input
          list={listId}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setCreating(false);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
              e.preventDefault();
              add();
            }
          }}
          aria-label={`${label}を追加`}
          placeholder={`${label}名を入力`}
          className="block w-full rounded border border-rule bg-white px-3 py-1.5"
        />
        <datalist id={listId}>
          {options.map((o) => (
            <option key={o.slug} value={o.name} />
          ))}
        </datalist>
        <button type="button" onClick={add} className="shrink-0 rounded border border-ink px-3 py-1.5 text-sm whitespace-nowrap">
          追加
        </button>
      </div>
      {creating && (
        <div className="mt-3 space-y-2 rounded bg-paper p-3 text-sm">
          <p>「{text.trim()}」はまだありません。新しい{label}として作成しますか?</p>
          {kind === 'tag' && (
            <label className="block">
              種類
              <select value={tagKind} onChange={(e) => setTagKind(e.target.value)} className="ml-2 rounded border border-rule bg-white px-2 py-1">
                {TAG_KINDS.map(([value, name]) => (
                  <option key={value} value={value}>
                    {name}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label className="block">
            URL用の名前(半角英小文字・数字・ハイフン、空欄なら自動)
            <input value={slug} onChange={(e) => setSlug(e.target.value)} className="mt-1 block w-full rounded border border-rule bg-white px-2 py-1" />
          </label>
          <button type="button" onClick={() => void create()} className="rounded bg-ink px-3 py-1.5 font-bold text-white">
            作成して追加
          </button>
        </div>
      )}
      {error && (
        <p role="alert" className="mt-2 text-sm text-brand-dark">
          {error}
        </p>
      )}
    </fieldset>
  );
}
