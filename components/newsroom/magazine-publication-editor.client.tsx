'use client';
// Client: the desk edits a MOOK or special edition in place, checks it as the server will, and saves without leaving the page.

import {
  decidePublicationProblems,
  MAGAZINE_LIMITS,
  parsePriceYen,
  PUBLICATION_KINDS,
  type PublicationField,
  type PublicationInput,
  type PublicationKind,
} from '@/lib/newsroom/magazine-rules';
import { toJstDay } from '@/lib/time/jst';
import { MAGAZINE_FIELD_CLASS, MagazineEditorFrame, MagazineField, useMagazineForm, type MagazineFormKind } from './magazine-editor.client';
import type { UploadedPicture } from './upload-picture';

/** The saved publication as the editor starts from it: what the form sends, with the stored cover, address and revision. */
type SavedPublication = Omit<PublicationInput, 'coverSrc'> & { slug: string; cover: UploadedPicture; revision: number };

type MagazinePublicationEditorProps = { publication: SavedPublication | null; csrfToken: string };

/** The form's state: the price as typed (full-width digits, 「1,650円」), read when saving. */
type Draft = { title: string; kind: PublicationKind; onSaleDate: string; onSale: boolean; price: string; blurb: string; cover: UploadedPicture | null };

const PUBLICATION: MagazineFormKind<Draft, PublicationField, PublicationInput> = {
  prefix: 'publication',
  api: '/api/newsroom/magazine/publications',
  page: '/newsroom/magazine/publications',
  toKey: (d) => JSON.stringify([d.title, d.kind, d.onSaleDate, d.onSale, d.price.trim(), d.blurb, d.cover?.src ?? null]),
  toInput: (d) => ({
    title: d.title,
    kind: d.kind,
    onSaleDate: d.onSaleDate,
    onSale: d.onSale,
    priceYen: parsePriceYen(d.price),
    blurb: d.blurb,
    coverSrc: d.cover?.src ?? null,
  }),
  decideProblems: decidePublicationProblems,
  fieldOf: (key) => (key === 'price' ? 'priceYen' : key),
};

export function MagazinePublicationEditor({ publication, csrfToken }: MagazinePublicationEditorProps) {
  const start: Draft = publication
    ? { ...publication, price: String(publication.priceYen) }
    : { title: '', kind: 'mook', onSaleDate: toJstDay(new Date()), onSale: true, price: '', blurb: '', cover: null };
  const form = useMagazineForm({ kind: PUBLICATION, stored: publication, start, csrfToken });
  const { draft, change, problemOf, fieldId, describedBy, fieldError } = form;

  return (
    <MagazineEditorFrame form={form} title="別冊・ムックの内容" createLabel="作成" cover={{ id: fieldId('cover'), shareCheck: false, csrfToken }}>
      <MagazineField form={form} name="title" label="タイトル" className="mt-3 block text-sm" count={{ name: 'title', limit: MAGAZINE_LIMITS.title }} />
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
        <MagazineField form={form} name="onSaleDate" label="発売日" className="block text-sm" type="date" hint={{ id: 'publication-date-hint', text: 'この日から「別冊・ムック」に表示されます。' }} />
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
            className={MAGAZINE_FIELD_CLASS}
          />
          {fieldError('priceYen')}
        </label>
      </div>
      <label className="mt-3 flex items-center gap-2 text-sm">
        <input type="checkbox" checked={draft.onSale} onChange={(e) => change({ onSale: e.target.checked })} />
        好評発売中(外すと「販売終了」と表示され、トップページの欄から外れます)
      </label>
      <MagazineField form={form} name="blurb" label="紹介文" className="mt-3 block text-sm" type="textarea" count={{ name: 'blurb', limit: MAGAZINE_LIMITS.blurb }} />
    </MagazineEditorFrame>
  );
}
