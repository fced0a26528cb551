import { MAGAZINE_CONTENTS_MAX } from '../content/magazine';
import type { EditorRole } from '../db/schema';
import type { DeskArticle } from './desk-articles';

/**
 * What a magazine issue and a publication (MOOK / 別冊) must be before a
 * save (docs/adr/0049-magazine-desk.md), pure and free of the database: the
 * server's commands (./magazine.ts) and the newsroom's editors (client
 * leaves) decide with the same functions, so the form names the same field
 * and the same words the server would.
 */

/** Bounds of what readers are shown; the forms count against them, the server enforces them. */
export const MAGAZINE_LIMITS = {
  /** 特集タイトル and a publication's title: one line on the cover block. */
  title: 80,
  /** The blurb under the title on /magazine, /publications and the sidebar (cut to four lines there). */
  blurb: 400,
  contents: MAGAZINE_CONTENTS_MAX,
  /** 定価 in yen, tax included: a printed mook costs a few thousand at most. */
  priceYen: 100_000,
} as const;

/** Who may create and edit issues and publications: the desk's (デスク, 管理者), like the front page (ADR 0032). */
export function canEditMagazine(role: EditorRole): boolean {
  return role === 'desk' || role === 'admin';
}

export const MAGAZINE_MESSAGES = {
  notADesk: '雑誌の号と別冊・ムックの作成・編集はデスクと管理者が行います。',
  issueNotFound: 'この号が見つかりません。一覧から開き直してください。',
  publicationNotFound: 'この別冊・ムックが見つかりません。一覧から開き直してください。',
  issueDate: '号の日付を正しく入力してください(例: 2026-12-15)。',
  onSaleDate: '発売日を正しく入力してください(例: 2026-12-08)。',
  onSaleAfterIssue: '発売日は号の日付と同じ日か、それより前にしてください。',
  featureTitle: '特集タイトルを入力してください。',
  featureTitleLength: `特集タイトルは${MAGAZINE_LIMITS.title}字以内にしてください。`,
  title: 'タイトルを入力してください。',
  titleLength: `タイトルは${MAGAZINE_LIMITS.title}字以内にしてください。`,
  oneLine: '改行や制御文字は使えません。1行で入力してください。',
  blurb: '紹介文を入力してください。',
  blurbLength: `紹介文は${MAGAZINE_LIMITS.blurb}字以内にしてください。`,
  cover: '表紙の画像を選んでください。写真ライブラリから選ぶか、アップロードします。',
  coverNotFound: '表紙の画像が見つかりません。ライブラリから選び直すか、アップロードし直してください。',
  tooManyArticles: `目次の記事は${MAGAZINE_LIMITS.contents}本までです。`,
  articleTwice: '同じ記事が目次に二度入っています。',
  articleNotFound: '目次の記事が見つかりません(削除された可能性があります)。ページを再読み込みしてから選び直してください。',
  price: `定価は0円から${MAGAZINE_LIMITS.priceYen.toLocaleString('ja-JP')}円までの整数(税込)で入力してください。`,
  stale: 'ほかの人がこの内容を変更しました。ページを再読み込みして、最新の内容を確かめてください(入力中の内容は画面に残っています)。',
  renameOnSale: '発売済みの号の日付は変えられません。読者が開いたページのアドレスが変わってしまうためです。',
} as const;

/** The fields of an issue's form, as a refusal names them (the form marks and focuses that field). */
export type IssueField = 'issueDate' | 'onSaleDate' | 'featureTitle' | 'blurb' | 'cover' | 'contents';
export type PublicationField = 'title' | 'kind' | 'onSaleDate' | 'priceYen' | 'blurb' | 'cover';

/** A reason a save cannot go ahead, with the field it concerns. */
export type MagazineProblem<F extends string | null> = { field: F; message: string };

/** An issue as the form sends it: dates as `YYYY-MM-DD`, the cover by its /media address, the contents by article id in order. */
export type IssueInput = {
  issueDate: string;
  onSaleDate: string;
  featureTitle: string;
  blurb: string;
  coverSrc: string | null;
  articleIds: string[];
};

export type PublicationKind = 'mook' | 'special';

export const PUBLICATION_KINDS: Record<PublicationKind, string> = { mook: 'ムック', special: '別冊' };

export type PublicationInput = {
  title: string;
  kind: PublicationKind;
  onSaleDate: string;
  /** 好評発売中 (true) or 販売終了 (false). */
  onSale: boolean;
  priceYen: number;
  blurb: string;
  coverSrc: string | null;
};

/** A refused magazine command, with its reason in Japanese, the HTTP status and the field; nothing was written. */
export class MagazineError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 404 | 409,
    readonly field: IssueField | PublicationField | null = null,
  ) {
    super(message);
  }
}

/**
 * Whether `value` is a real calendar day `YYYY-MM-DD` (no 2月30日) in a
 * plausible year: a typed 0202 or 20260 is a slip, not an issue.
 */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1990 || year > 2100) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** `YYYY-MM-DD` moved by `days` (calendar arithmetic in UTC: the value is a date, not an instant). */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

// Line breaks, tabs and other control characters: a title is one line on the page and in <title>.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** Characters as a reader counts them (a surrogate pair is one). */
function length(value: string): number {
  return [...value.trim()].length;
}

function checkTitle<F extends string>(value: string, field: F, missing: string, tooLong: string): MagazineProblem<F>[] {
  if (!value.trim()) return [{ field, message: missing }];
  if (CONTROL.test(value)) return [{ field, message: MAGAZINE_MESSAGES.oneLine }];
  return length(value) > MAGAZINE_LIMITS.title ? [{ field, message: tooLong }] : [];
}

function checkBlurb<F extends string>(value: string, field: F): MagazineProblem<F>[] {
  if (!value.trim()) return [{ field, message: MAGAZINE_MESSAGES.blurb }];
  return length(value) > MAGAZINE_LIMITS.blurb ? [{ field, message: MAGAZINE_MESSAGES.blurbLength }] : [];
}

/** Every reason `input` cannot be saved as an issue, in the form's order; empty when it can. */
export function decideIssueProblems(input: IssueInput): MagazineProblem<IssueField>[] {
  const problems: MagazineProblem<IssueField>[] = [];
  const issueOk = isCalendarDate(input.issueDate);
  const onSaleOk = isCalendarDate(input.onSaleDate);
  if (!issueOk) problems.push({ field: 'issueDate', message: MAGAZINE_MESSAGES.issueDate });
  if (!onSaleOk) problems.push({ field: 'onSaleDate', message: MAGAZINE_MESSAGES.onSaleDate });
  // A weekly goes on sale before the date it is named for (3/10発売 of the 3月17日号), never after.
  if (issueOk && onSaleOk && input.onSaleDate > input.issueDate) problems.push({ field: 'onSaleDate', message: MAGAZINE_MESSAGES.onSaleAfterIssue });
  problems.push(...checkTitle(input.featureTitle, 'featureTitle' as const, MAGAZINE_MESSAGES.featureTitle, MAGAZINE_MESSAGES.featureTitleLength));
  problems.push(...checkBlurb(input.blurb, 'blurb' as const));
  if (!input.coverSrc) problems.push({ field: 'cover', message: MAGAZINE_MESSAGES.cover });
  if (input.articleIds.length > MAGAZINE_LIMITS.contents) problems.push({ field: 'contents', message: MAGAZINE_MESSAGES.tooManyArticles });
  else if (new Set(input.articleIds).size !== input.articleIds.length) problems.push({ field: 'contents', message: MAGAZINE_MESSAGES.articleTwice });
  return problems;
}

/** Every reason `input` cannot be saved as a publication, in the form's order; empty when it can. */
export function decidePublicationProblems(input: PublicationInput): MagazineProblem<PublicationField>[] {
  const problems: MagazineProblem<PublicationField>[] = [];
  problems.push(...checkTitle(input.title, 'title' as const, MAGAZINE_MESSAGES.title, MAGAZINE_MESSAGES.titleLength));
  if (!isCalendarDate(input.onSaleDate)) problems.push({ field: 'onSaleDate', message: MAGAZINE_MESSAGES.onSaleDate });
  if (!Number.isInteger(input.priceYen) || input.priceYen < 0 || input.priceYen > MAGAZINE_LIMITS.priceYen) problems.push({ field: 'priceYen', message: MAGAZINE_MESSAGES.price });
  problems.push(...checkBlurb(input.blurb, 'blurb' as const));
  if (!input.coverSrc) problems.push({ field: 'cover', message: MAGAZINE_MESSAGES.cover });
  return problems;
}

/**
 * A typed 定価 as yen: half- or full-width digits, with or without 「,」
 * 「円」 or 「¥」; NaN for anything else (the rules then say how to write it).
 */
export function parsePriceYen(typed: string): number {
  const plain = typed
    .trim()
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[,，]/g, '')
    .replace(/^[¥￥]/, '')
    .replace(/円$/, '');
  return /^\d{1,9}$/.test(plain) ? Number(plain) : Number.NaN;
}

/** An article as the contents editor lists it, chosen or to choose; one not `visible` stays in the contents but is left off the reader's page until it is. */
export type MagazineArticle = DeskArticle;

/** Where an issue stands for readers on `today` (JST): not yet on sale, the issue on sale, or a back number. */
export type IssueStanding = 'upcoming' | 'current' | 'back';

/** Each issue's standing, for issues listed newest first (by issue date). */
export function decideIssueStandings(issues: readonly { onSaleDate: string }[], today: string): IssueStanding[] {
  let currentSeen = false;
  return issues.map((issue) => {
    if (issue.onSaleDate > today) return 'upcoming';
    if (currentSeen) return 'back';
    currentSeen = true;
    return 'current';
  });
}

export const ISSUE_STANDING_LABELS: Record<IssueStanding, string> = { upcoming: '発売前', current: '発売中(最新号)', back: 'バックナンバー' };
