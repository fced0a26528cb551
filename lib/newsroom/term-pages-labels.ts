import type { Role } from './roles';

/**
 * The words and plain rules of 特集・連載・筆者
 * (docs/adr/0050-topic-series-and-author-pages.md) that the edit form in
 * the browser shares with the server: the kinds, their labels, the limits,
 * the fields' shapes, who may edit and why a term cannot be deleted. No zod
 * here (./term-pages-rules.ts validates), so a client leaf may import it.
 */

/** The three kinds, named as their reader addresses are (/topics, /series, /authors). */
export const TERM_KINDS = ['topics', 'series', 'authors'] as const;
export type TermKind = (typeof TERM_KINDS)[number];

export function isTermKind(value: unknown): value is TermKind {
  return typeof value === 'string' && (TERM_KINDS as readonly string[]).includes(value);
}

/** A kind's name on the tabs and headings, and the short noun of messages. */
export const TERM_KIND_LABELS: Record<TermKind, { tab: string; noun: string }> = {
  topics: { tab: '特集(トピック)', noun: '特集' },
  series: { tab: '連載', noun: '連載' },
  authors: { tab: '筆者', noun: '筆者' },
};

/** The longest each field may be, in characters. A name is as long as a term made in the editor may be (./terms.ts). */
export const TERM_LIMITS = { name: 40, description: 300, sponsorName: 60, role: 40, profile: 1000 } as const;

/** Slugs are an address's last part: once readers, feeds and search engines have it, it stays (ADR 0050). */
export const SLUG_FIXED = 'URL(英字の名前)は作成後は変えられません。読者のブックマークや検索結果のリンクが切れないようにするためです。';

/** What the desk edits of a topic. */
export type TopicFields = { name: string; description: string };
/** Of a series: `sponsorName` is '' unless `sponsored`. */
export type SeriesFields = { name: string; description: string; sponsored: boolean; sponsorName: string };
/** Of an author: the portrait by its library /media address, null for none. */
export type AuthorFields = { name: string; role: string; profile: string; portraitSrc: string | null };
export type TermFields = { topics: TopicFields; series: SeriesFields; authors: AuthorFields };

/** Whether `role` edits, creates and deletes topics, series and authors: the desk's, like publishing (ADR 0050). */
export function canEditTermPages(role: Role): boolean {
  return role === 'desk' || role === 'admin';
}

export const TERM_PAGES_DESK_ONLY = '特集・連載・筆者の編集はデスクと管理者が行います。直したいところはデスクに伝えてください。';

/** How many articles use a term: readers' (public now) and every other row that links it (drafts, scheduled, withdrawn, deleted drafts). */
export type TermUse = { public: number; other: number };

/**
 * Why a term cannot be deleted, in Japanese; null when nothing uses it. A
 * topic, series or author in any article stays: its articles' pages, the
 * editor's pickers and the revisions that name it would otherwise point at
 * nothing (the database refuses it too).
 */
export function decideTermDeleteRefusal(kind: TermKind, name: string, use: TermUse): string | null {
  const total = use.public + use.other;
  if (total === 0) return null;
  const noun = TERM_KIND_LABELS[kind].noun;
  const parts = [use.public > 0 ? `公開中${use.public}本` : null, use.other > 0 ? `下書きなど${use.other}本` : null].filter(Boolean).join('、');
  const how = kind === 'authors' ? '各記事の署名から外してから' : kind === 'series' ? '各記事の連載の指定を外してから' : '各記事のトピックから外してから';
  return `${noun}「${name}」は記事${total}本(${parts})で使われているため削除できません。${how}削除してください。`;
}
