import { diffArrays } from 'diff';
import { FIELD_NAMES, type ArticleDraft } from './draft';

/**
 * Two revisions of an article compared as an editor reads them (ADR 0041):
 * the headline, the lead and the body, paragraph by paragraph, and within a
 * paragraph that changed, word by word.
 *
 * Japanese has no spaces, so jsdiff's word diffs see a whole paragraph as
 * one word, and a character diff lines up every shared の, に and は of two
 * different sentences into confetti. The paragraph is therefore cut into
 * words by Intl.Segmenter (ICU's dictionary for Japanese, in Node's full
 * ICU): 「東京で会見した」 becomes 東京・で・会見・した, and replacing 東京
 * with 大阪 reads as that one word. The sequences are compared with
 * jsdiff's diffArrays. A paragraph that shares too little with its old self
 * is shown as removed and added whole, which reads better than a sieve.
 */

export type DiffPiece = { kind: 'same' | 'ins' | 'del'; text: string };

export type DiffRow =
  /** A paragraph as it was. */
  | { kind: 'same'; text: string }
  /** A paragraph added or removed whole. */
  | { kind: 'ins' | 'del'; text: string }
  /** A paragraph edited in place: its words, kept, added and removed. */
  | { kind: 'changed'; pieces: DiffPiece[] }
  /** Unchanged paragraphs folded away, far from any change. */
  | { kind: 'skip'; count: number };

export type TextField = 'headline' | 'standfirst' | 'body';

export type FieldComparison = { field: TextField; label: string; changed: boolean; rows: DiffRow[] };

export type RevisionComparison = {
  fields: FieldComparison[];
  /** The names (as the editor labels them) of the other fields that differ: セクション, タグ, 写真… */
  otherChanges: string[];
};

/** Below this share of the longer text kept, a paragraph is shown replaced whole. */
const MIN_KEPT_SHARE = 0.35;
/** Unchanged paragraphs shown on each side of a change. */
const CONTEXT = 1;
/** Beyond these edit distances jsdiff gives up (returns undefined) and the text is shown replaced whole. */
const MAX_PARAGRAPH_EDITS = 2_000;
const MAX_WORD_EDITS = 1_000;

const segmenter = new Intl.Segmenter('ja', { granularity: 'word' });

/** A paragraph's words (and the spaces and punctuation between them), in order: joined they give the paragraph back. */
export function toWords(text: string): string[] {
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/** The paragraphs of a body: its non-blank lines. */
function toParagraphs(text: string): string[] {
  return text.split('\n').filter((line) => line.trim() !== '');
}

function push(pieces: DiffPiece[], kind: DiffPiece['kind'], text: string): void {
  if (text === '') return;
  const last = pieces.at(-1);
  if (last?.kind === kind) last.text += text;
  else pieces.push({ kind, text });
}

/**
 * Within a run of changes, a kept word of one character (a particle, a
 * punctuation mark) splits one edit into two to no benefit: it is folded into
 * the removed and the added text, and each run shows its removal before its
 * addition.
 */
function tidy(raw: DiffPiece[]): DiffPiece[] {
  const pieces = raw.map((p, i) =>
    p.kind === 'same' && [...p.text].length <= 1 && i > 0 && i < raw.length - 1 && raw[i - 1]!.kind !== 'same' && raw[i + 1]!.kind !== 'same'
      ? [{ kind: 'del' as const, text: p.text }, { kind: 'ins' as const, text: p.text }]
      : [p],
  );
  const out: DiffPiece[] = [];
  let del = '';
  let ins = '';
  const flush = () => {
    push(out, 'del', del);
    push(out, 'ins', ins);
    del = ins = '';
  };
  for (const p of pieces.flat()) {
    if (p.kind === 'same') {
      flush();
      push(out, 'same', p.text);
    } else if (p.kind === 'del') del += p.text;
    else ins += p.text;
  }
  flush();
  return out;
}

/** One paragraph against its new version: rows for a word-level edit, or removed-then-added when little is kept. */
export function compareParagraph(before: string, after: string): DiffRow[] {
  if (before === after) return [{ kind: 'same', text: after }];
  const changes = diffArrays(toWords(before), toWords(after), { maxEditLength: MAX_WORD_EDITS });
  const replaced: DiffRow[] = [...(before ? [{ kind: 'del' as const, text: before }] : []), ...(after ? [{ kind: 'ins' as const, text: after }] : [])];
  if (!changes) return replaced;
  const raw: DiffPiece[] = changes.map((c) => ({ kind: c.added ? 'ins' : c.removed ? 'del' : 'same', text: c.value.join('') }));
  const kept = raw.filter((p) => p.kind === 'same').reduce((n, p) => n + [...p.text].length, 0);
  if (kept / Math.max([...before].length, [...after].length) < MIN_KEPT_SHARE) return replaced;
  return [{ kind: 'changed', pieces: tidy(raw) }];
}

/**
 * Folds runs of unchanged paragraphs more than CONTEXT away from a change; a
 * text with no change at all is shown whole when it is short (a headline,
 * a lead), folded when it is not.
 */
function fold(rows: DiffRow[]): DiffRow[] {
  if (rows.every((r) => r.kind === 'same')) return rows.length <= 2 ? rows : [{ kind: 'skip', count: rows.length }];
  const near = rows.map((_, i) => rows.slice(Math.max(0, i - CONTEXT), i + CONTEXT + 1).some((r) => r.kind !== 'same'));
  const out: DiffRow[] = [];
  rows.forEach((row, i) => {
    if (near[i]) return void out.push(row);
    const last = out.at(-1);
    if (last?.kind === 'skip') last.count += 1;
    else out.push({ kind: 'skip', count: 1 });
  });
  return out;
}

/**
 * A text field's paragraphs compared: paragraphs kept, added, removed, and
 * edited (a removed paragraph followed by an added one, paired in order).
 */
export function compareText(before: string, after: string): DiffRow[] {
  const old = toParagraphs(before);
  const next = toParagraphs(after);
  const changes = diffArrays(old, next, { maxEditLength: MAX_PARAGRAPH_EDITS });
  if (!changes) return [...old.map((text) => ({ kind: 'del' as const, text })), ...next.map((text) => ({ kind: 'ins' as const, text }))];
  const rows: DiffRow[] = [];
  for (let i = 0; i < changes.length; i++) {
    const c = changes[i]!;
    if (!c.added && !c.removed) {
      for (const text of c.value) rows.push({ kind: 'same', text });
      continue;
    }
    const removed = c.removed ? c.value : [];
    const added = c.removed && changes[i + 1]?.added ? changes[++i]!.value : c.added ? c.value : [];
    rows.push(...pairParagraphs(removed, added));
  }
  return fold(rows);
}

/** Beyond this many comparisons a block of changed paragraphs is paired in order, not searched. */
const MAX_PAIRINGS = 400;

/**
 * A block of removed paragraphs against the added ones that took their place:
 * each removed paragraph is paired with the first later added one it is an
 * edit of (so a paragraph cut from between two others does not push every
 * edit after it out of line); the rest are removed or added whole.
 */
function pairParagraphs(removed: string[], added: string[]): DiffRow[] {
  if (removed.length * added.length > MAX_PAIRINGS) {
    const paired = Math.min(removed.length, added.length);
    return [
      ...removed.slice(0, paired).flatMap((text, k) => compareParagraph(text, added[k]!)),
      ...removed.slice(paired).map((text) => ({ kind: 'del' as const, text })),
      ...added.slice(paired).map((text) => ({ kind: 'ins' as const, text })),
    ];
  }
  const rows: DiffRow[] = [];
  let next = 0;
  for (const text of removed) {
    let edit: DiffRow[] | null = null;
    let at = next;
    for (; at < added.length; at++) {
      const compared = compareParagraph(text, added[at]!);
      if (compared.length === 1 && compared[0]!.kind === 'changed') {
        edit = compared;
        break;
      }
    }
    if (!edit) {
      rows.push({ kind: 'del', text });
      continue;
    }
    for (; next < at; next++) rows.push({ kind: 'ins', text: added[next]! });
    rows.push(...edit);
    next = at + 1;
  }
  for (; next < added.length; next++) rows.push({ kind: 'ins', text: added[next]! });
  return rows;
}

const TEXT_FIELDS: readonly TextField[] = ['headline', 'standfirst', 'body'];

/** A stored snapshot's fields, read leniently: revisions saved before a field existed lack it, and one may be damaged. */
function toFields(snapshot: unknown): Record<string, unknown> {
  return typeof snapshot === 'object' && snapshot !== null ? (snapshot as Record<string, unknown>) : {};
}

function text(fields: Record<string, unknown>, key: TextField): string {
  const value = fields[key];
  return typeof value === 'string' ? value : '';
}

/** Compares two revisions' stored snapshots (`before` the older). */
export function compareRevisions(before: unknown, after: unknown): RevisionComparison {
  const a = toFields(before);
  const b = toFields(after);
  const fields = TEXT_FIELDS.map((field) => {
    const rows = compareText(text(a, field), text(b, field));
    return { field, label: FIELD_NAMES[field], changed: rows.some((r) => r.kind !== 'same' && r.kind !== 'skip'), rows };
  });
  const others = (Object.keys(FIELD_NAMES) as (keyof ArticleDraft)[]).filter((k) => !(TEXT_FIELDS as readonly string[]).includes(k));
  // A field a revision predates and its default ("none", an empty list) are the same to a reader.
  const norm = (v: unknown, other: unknown) => JSON.stringify(v ?? (Array.isArray(other) ? [] : null));
  const otherChanges = others.filter((k) => norm(a[k], b[k]) !== norm(b[k], a[k])).map((k) => FIELD_NAMES[k]);
  return { fields, otherChanges };
}
