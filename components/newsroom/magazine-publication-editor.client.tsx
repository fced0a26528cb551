'use client';
// Client: the desk edits a MOOK or special edition in place, checks it as the server will, and saves without leaving the page.

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { countCharacters } from '@/lib/newsroom/counts';
import {
  decidePublicationProblems,
  MAGAZINE_LIMITS,
  parsePriceYen,
  PUBLICATION_KINDS,
  type MagazineProblem,
  type PublicationField,
  type PublicationKind,
} from '@/lib/newsroom/magazine-rules';
import { formatJstDate, toJstDay } from '@/lib/time/jst';
import { CharCount } from './char-count';
import { useLeaveGuard } from './editor/use-leave-guard';
import { MagazineCoverField } from './magazine-cover-field.client';
import { sendJson } from './send-json';
import type { UploadedPicture } from './upload-picture';

type SavedPublication = {
  slug: string;
  title: string;
  kind: PublicationKind;
  onSaleDate: string;
  onSale: boolean;
  priceYen: number;
  blurb: string;
  cover: UploadedPicture;
  revision: number;
};

type MagazinePublicationEditorProps = { publication: SavedPublication | null; csrfToken: string };

/** The form's state: the price as typed (full-width digits, 「1,650円」), read when saving. */
type Draft = { title: string; kind: PublicationKind; onSaleDate: string; onSale: boolean; price: string; blurb: string; cover: UploadedPicture | null };

const NETWORK_ERROR = '通信できませんでした。通信状況を確かめて、もう一度お試しください(入力した内容はこの画面に残っています)。';

const toKey = (d: Draft) => JSON.stringify([d.title, d.kind, d.onSaleDate, d.onSale, d.price.trim(), d.blurb, d.cover?.src ?? null]);
const fieldId = (field: PublicationField) => `publication-${field}`;

export function MagazinePublicationEditor({ publication, csrfToken }: MagazinePublicationEditorProps) {
  const router = useRouter();
  const saved: Draft = publication
    ? { ...publication, price: String(publication.priceYen) }
    : { title: '', kind: 'mook', onSaleDate: toJstDay(new Date()), onSale: true, price: '', blurb: '', cover: null };
  const savedKey = `${publication?.slug ?? 'new'}:${publication?.revision ?? 0}:${toKey(saved)}`;
  const [draft, setDraft] = useState<Draft>(saved);
  const [draftOf, setDraftOf] = useState(savedKey);
  const [problems, setProblems] = useState<MagazineProblem<PublicationField | null>[]>([]);
  const [busy, setBusy] = useState(false);
  const [announcement, setAnnouncement] = useState('');

  if (draftOf !== savedKey) {
    setDraftOf(savedKey);
    setDraft(saved);
  }

  const typed = toKey(draft) !== toKey(saved);
  useLeaveGuard(typed);
  const problemOf = (field: PublicationField) => problems.find((p) => p.field === field)?.message ?? null;

  function change(next: Partial<Draft>) {
    setDraft((d) => ({ ...d, ...next }));
    const fields = Object.keys(next).map((key) => (key === 'price' ? 'priceYen' : key));
    setProblems((ps) => ps.filter((p) => p.field === null || !fields.includes(p.field)));
  }

  function refuse(found: MagazineProblem<PublicationField | null>[]) {
    setProblems(found);
    const first = found[0];
    // After React has drawn the messages: the box to focus may not exist yet.
    if (first) setTimeout(() => document.getElementById(first.field ? fieldId(first.field) : 'publication-save-error')?.focus());
  }

  async function save() {
    const input = {
      title: draft.title,
      kind: draft.kind,
      onSaleDate: draft.onSaleDate,
      onSale: draft.onSale,
      priceYen: parsePriceYen(draft.price),
      blurb: draft.blurb,
      coverSrc: draft.cover?.src ?? null,
    };
    const found = decidePublicationProblems(input);
    if (found.length > 0) return refuse(found);
    setBusy(true);
    setAnnouncement('');
    const options = { offline: NETWORK_ERROR, refused: () => '保存できませんでした。' };
    const answer = publication
      ? await sendJson(`/api/newsroom/magazine/publications/${publication.slug}`, csrfToken, { ...input, baseRevision: publication.revision }, { ...options, method: 'PUT' })
      : await sendJson('/api/newsroom/magazine/publications', csrfToken, input, options);
    setBusy(false);
    if (!answer.ok) {
      const field = typeof answer.body.field === 'string' ? (answer.body.field as PublicationField) : null;
      refuse([{ field, message: answer.error }]);
      return;
    }
    const listed = draft.onSaleDate <= toJstDay(new Date());
    setAnnouncement(listed ? '保存しました。読者のページにすぐ反映されます。' : `保存しました。発売日(${formatJstDate(draft.onSaleDate)})から読者に表示されます。`);
    if (!publication) router.replace(`/newsroom/magazine/publications/${String(answer.body.slug)}?saved=1`);
    else router.refresh();
  }

  const field = 'mt-1 block w-full rounded border border-rule bg-white px-2 py-1.5 aria-[invalid=true]:border-brand-dark';
  const titleCount = countCharacters(draft.title.trim());
  const blurbCount = countCharacters(draft.blurb.trim());
  const describedBy = (f: PublicationField, extra = '') => [extra, problemOf(f) ? `${fieldId(f)}-error` : ''].filter(Boolean).join(' ') || undefined;
  const fieldError = (f: PublicationField) =>
    problemOf(f) && (
      <p id={`${fieldId(f)}-error`} className="mt-1 text-sm text-brand-dark">
        {problemOf(f)}
      </p>
    );

  return (
    <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,22rem)]">
      <section aria-labelledby="publication-fields-heading" className="rounded border border-rule bg-white p-4">
        <h2 id="publication-fields-heading" className="text-lg font-bold">
          別冊・ムックの内容
        </h2>
        <label className="mt-3 block text-sm">
          <span className="block font-semibold">タイトル</span>
          <input
            id={fieldId('title')}
            value={draft.title}
            onChange={(e) => change({ title: e.target.value })}
            aria-invalid={problemOf('title') || titleCount > MAGAZINE_LIMITS.title ? true : undefined}
            aria-describedby={describedBy('title', 'publication-title-count')}
            className={field}
          />
        </label>
        <CharCount id="publication-title-count" field="publication-title" count={titleCount} limit={MAGAZINE_LIMITS.title} />
        {fieldError('title')}
        <fieldset className="mt-2 text-sm">
          <legend className="font-semibold">種類</legend>
          <div className="mt-1 flex gap-4">
            {(Object.keys(PUBLICATION_KINDS) as PublicationKind[]).map((kind) => (
              <label key={kind} className="flex items-center gap-1.5">
                <input type="radio" name="publication-kind" value={kind} checked={draft.kind === kind} onChange={() => change({ kind })} />
                {PUBLICATION_KINDS[kind]}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="mt-3 grid gap-3 sm:grid-cols-2">
          <label className="block text-sm">
            <span className="block font-semibold">発売日</span>
            <input
              id={fieldId('onSaleDate')}
              type="date"
              value={draft.onSaleDate}
              onChange={(e) => change({ onSaleDate: e.target.value })}
              aria-invalid={problemOf('onSaleDate') ? true : undefined}
              aria-describedby={describedBy('onSaleDate', 'publication-date-hint')}
              className={field}
            />
            <span id="publication-date-hint" className="mt-1 block text-xs text-muted">
              この日から「別冊・ムック」に表示されます。
            </span>
            {fieldError('onSaleDate')}
          </label>
          <label className="block text-sm">
            <span className="block font-semibold">定価(税込・円)</span>
            <input
              id={fieldId('priceYen')}
              inputMode="numeric"
              value={draft.price}
              onChange={(e) => change({ price: e.target.value })}
              placeholder="1650"
              aria-invalid={problemOf('priceYen') ? true : undefined}
              aria-describedby={describedBy('priceYen')}
              className={field}
            />
            {fieldError('priceYen')}
          </label>
        </div>
        <label className="mt-3 flex items-center gap-2 text-sm">
          <input type="checkbox" checked={draft.onSale} onChange={(e) => change({ onSale: e.target.checked })} />
          好評発売中(外すと「販売終了」と表示され、トップページの欄から外れます)
        </label>
        <label className="mt-3 block text-sm">
          <span className="block font-semibold">紹介文</span>
          <textarea
            id={fieldId('blurb')}
            value={draft.blurb}
            onChange={(e) => change({ blurb: e.target.value })}
            rows={5}
            aria-invalid={problemOf('blurb') || blurbCount > MAGAZINE_LIMITS.blurb ? true : undefined}
            aria-describedby={describedBy('blurb', 'publication-blurb-count')}
            className={field}
          />
        </label>
        <CharCount id="publication-blurb-count" field="publication-blurb" count={blurbCount} limit={MAGAZINE_LIMITS.blurb} />
        {fieldError('blurb')}
      </section>

      <aside className="space-y-4 lg:sticky lg:top-4">
        <section aria-labelledby="publication-save-heading" className="rounded border border-rule bg-white p-4">
          <h2 id="publication-save-heading" className="text-lg font-bold">
            保存
          </h2>
          <div className="mt-3 flex flex-wrap items-center gap-3">
            <button
              type="button"
              onClick={() => void save()}
              disabled={busy || (publication !== null && !typed)}
              className="rounded bg-brand px-4 py-2 text-sm font-bold text-white disabled:opacity-50"
            >
              {busy ? '保存中…' : publication ? '保存' : '作成'}
            </button>
            {typed && <span className="text-sm text-muted">未保存の変更があります。</span>}
          </div>
          <p role="status" className="mt-2 min-h-5 text-sm">
            {announcement}
          </p>
          {problems.length > 0 && (
            <div id="publication-save-error" tabIndex={-1} role="alert" className="mt-2 rounded border border-brand-dark bg-white px-3 py-2 text-sm text-brand-dark">
              <p className="font-semibold">保存できませんでした。</p>
              <ul className="mt-1 list-disc space-y-1 pl-5">
                {problems.map((p) => (
                  <li key={`${p.field}:${p.message}`}>{p.message}</li>
                ))}
              </ul>
            </div>
          )}
        </section>
        <MagazineCoverField id={fieldId('cover')} cover={draft.cover} csrfToken={csrfToken} error={problemOf('cover')} shareCheck={false} onChange={(cover) => change({ cover })} />
      </aside>
    </div>
  );
}
