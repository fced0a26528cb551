'use client';
// Client: part of the editor form's state: adds, orders and removes the byline's authors and picks a wire agency as the editor works.

import { useId } from 'react';
import { MAX_AUTHORS } from '@/lib/newsroom/fields';

type Author = { slug: string; name: string; role: string };
type Agency = { slug: string; name: string };

type BylinePickerProps = {
  authors: string[];
  agency: string | null;
  wireCode: string | null;
  authorOptions: Author[];
  agencyOptions: Agency[];
  onAuthorsChange: (slugs: string[]) => void;
  onAgencyChange: (agency: string | null, wireCode: string | null) => void;
};

const inputClass = 'mt-1 block w-full rounded border border-rule bg-white px-3 py-2';
const smallButton = 'rounded border border-rule px-2 py-0.5 text-xs disabled:opacity-40';

/**
 * The byline: staff authors in the order readers see them, or (and) the
 * wire agency a story came from. Readers see the authors under the
 * dateline with links to their pages; without authors, a wire story is
 * credited to its agency (JSON-LD `author` likewise).
 */
export function BylinePicker({ authors, agency, wireCode, authorOptions, agencyOptions, onAuthorsChange, onAgencyChange }: BylinePickerProps) {
  const hintId = useId();
  const nameOf = (slug: string) => authorOptions.find((a) => a.slug === slug);
  const addable = authorOptions.filter((a) => !authors.includes(a.slug));
  const full = authors.length >= MAX_AUTHORS;

  function move(index: number, by: -1 | 1) {
    const next = [...authors];
    const [slug] = next.splice(index, 1);
    next.splice(index + by, 0, slug!);
    onAuthorsChange(next);
  }

  function add(slug: string) {
    if (slug && !authors.includes(slug) && !full) onAuthorsChange([...authors, slug]);
  }

  return (
    <fieldset className="space-y-3 rounded border border-rule bg-white p-4">
      <legend className="px-1 text-sm font-semibold">署名</legend>
      <p id={hintId} className="text-xs text-muted">
        記者を選んだ順に表示します(最大{MAX_AUTHORS}人)。通信社の配信記事は配信元を選びます。記者がいなければ配信元が署名になります。
      </p>
      {authors.length === 0 ? (
        <p className="text-sm text-muted" data-testid="byline-empty">
          {agency ? `署名なし(配信元「${agencyOptions.find((a) => a.slug === agency)?.name ?? agency}」を表示)` : '署名なし(編集部の記事として表示)'}
        </p>
      ) : (
        <ol className="space-y-1" aria-label="署名の記者(表示順)">
          {authors.map((slug, i) => {
            const author = nameOf(slug);
            const name = author?.name ?? `登録されていない著者(${slug})`;
            return (
              <li key={slug} className="flex items-center gap-2 rounded border border-rule bg-paper px-3 py-1 text-sm">
                <span className="min-w-0 flex-1">
                  {name}
                  {author && <span className="ml-1 text-xs text-muted">({author.role})</span>}
                </span>
                <button type="button" disabled={i === 0} onClick={() => move(i, -1)} aria-label={`「${name}」を前へ`} className={smallButton}>
                  ↑
                </button>
                <button type="button" disabled={i === authors.length - 1} onClick={() => move(i, 1)} aria-label={`「${name}」を後ろへ`} className={smallButton}>
                  ↓
                </button>
                <button type="button" onClick={() => onAuthorsChange(authors.filter((s) => s !== slug))} aria-label={`「${name}」を署名から外す`} className={smallButton}>
                  ×
                </button>
              </li>
            );
          })}
        </ol>
      )}
      <label className="block text-sm">
        署名に記者を追加
        {/* Choosing adds at once: the list above is the outcome, and it always shows what was added. */}
        <select value="" onChange={(e) => add(e.target.value)} disabled={full || addable.length === 0} aria-describedby={hintId} className={inputClass}>
          <option value="">記者を選ぶ</option>
          {addable.map((a) => (
            <option key={a.slug} value={a.slug}>
              {a.name}({a.role})
            </option>
          ))}
        </select>
      </label>
      <div className="grid gap-4 sm:grid-cols-2">
        <label className="block text-sm">
          配信元
          <select value={agency ?? ''} onChange={(e) => onAgencyChange(e.target.value || null, e.target.value ? wireCode : null)} className={inputClass}>
            <option value="">自社記事</option>
            {agencyOptions.map((a) => (
              <option key={a.slug} value={a.slug}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm">
          配信記事番号
          <input value={wireCode ?? ''} onChange={(e) => onAgencyChange(agency, e.target.value || null)} disabled={!agency} maxLength={64} className={inputClass} />
        </label>
      </div>
    </fieldset>
  );
}
