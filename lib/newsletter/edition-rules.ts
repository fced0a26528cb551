import type { ArticleStatus, EditionStatus } from '../db/schema';

/**
 * What an edition is and when it may go out (ADR 0044), pure and free of
 * the database: the server's commands (./editions.ts) and the newsroom's
 * editor (a client leaf) decide with the same functions.
 */

/** Bounds of what an edition may hold; the form shows them, the server enforces them. */
export const EDITION_LIMITS = { subject: 100, intro: 4000, articles: 20 } as const;

/** A refused edition command with its reason in Japanese and its HTTP status; nothing was written. */
export class EditionError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 404 | 409,
  ) {
    super(message);
  }
}

export const EDITION_MESSAGES = {
  notFound: 'この号が見つかりません。一覧から開き直してください。',
  articleNotFound: '選んだ記事が見つかりません。ページを再読み込みしてから選び直してください。',
  alreadySent: 'この号はすでに送信済みです。送信済みの号は変更も再送信もできません。',
  stale: 'この号はほかの人が変更しました。ページを再読み込みして、最新の内容を確かめてください(入力中の内容は画面に残っています)。',
  changedBeforeSend: '確認したあとで号が変更されました。ページを再読み込みして内容を確かめてから、もう一度送信してください。',
  subjectLine: '件名に改行や制御文字は使えません。',
  subjectLength: `件名は${EDITION_LIMITS.subject}字以内にしてください。`,
  introLength: `はじめの文章は${EDITION_LIMITS.intro}字以内にしてください。`,
  tooMany: `記事は${EDITION_LIMITS.articles}本までです。`,
  noSubject: '件名を入力してください。',
  noArticles: '記事を1本以上選んでください。',
  noSubscribers: '確認済みの購読者がいないため、送信できません。',
} as const;

/** An article of an edition, or one that can be chosen, as the newsroom shows it. */
export type EditionArticle = {
  id: string;
  headline: string;
  standfirst: string | null;
  sectionName: string;
  status: ArticleStatus;
  publishedAt: string | null;
  /** Whether readers can see it now: only such articles can go out. */
  visible: boolean;
  /** Its public path (the mail makes it absolute with SITE_URL). */
  path: string;
};

/** How an edition's mails are doing, from the outbox: 送信済み, 送信待ち (queued or being sent), 失敗, 取り消し (the subscriber left first). */
export type EditionDelivery = { sent: number; pending: number; failed: number; cancelled: number };

export type Edition = {
  id: string;
  subject: string;
  intro: string;
  status: EditionStatus;
  revision: number;
  articles: EditionArticle[];
  createdBy: string | null;
  updatedBy: string | null;
  updatedAt: string;
  sentBy: string | null;
  sentAt: string | null;
  /** How many subscribers it was sent to; null while a draft. */
  recipients: number | null;
  delivery: EditionDelivery;
};

export type EditionListItem = Pick<Edition, 'id' | 'subject' | 'status' | 'updatedAt' | 'sentAt' | 'recipients' | 'delivery'> & { articleCount: number };

/** Edition ids: 16 URL-safe characters (96 random bits), checked before any query. */
export function isEditionId(value: string): boolean {
  return /^[A-Za-z0-9_-]{16}$/.test(value);
}

/** Why an article is not public, by status; `published` is one whose time has not come. */
export const NOT_PUBLIC: Record<ArticleStatus, string> = { draft: '下書き', submitted: '提出済み', scheduled: '公開予約中', unpublished: '非公開', published: '公開前' };

export function quote(headline: string): string {
  return `「${headline.trim() || '(見出しなし)'}」`;
}

/** Why an article cannot go out in an edition, or null when it can. */
export function decideArticleRefusal(article: Pick<EditionArticle, 'headline' | 'status' | 'visible'>): string | null {
  if (article.visible) return null;
  return `${quote(article.headline)}は${NOT_PUBLIC[article.status]}のため送れません。外すか、公開されてから送信してください。`;
}

/**
 * What stops an edition from being sent, in Japanese, in the order the
 * editor should fix them; empty when it can go. The editor shows the same
 * list that the send command refuses with.
 */
export function decideSendProblems(edition: { subject: string; articles: Pick<EditionArticle, 'headline' | 'status' | 'visible'>[] }): string[] {
  const problems: string[] = [];
  if (!edition.subject.trim()) problems.push(EDITION_MESSAGES.noSubject);
  if (edition.articles.length === 0) problems.push(EDITION_MESSAGES.noArticles);
  for (const article of edition.articles) {
    const refusal = decideArticleRefusal(article);
    if (refusal) problems.push(refusal);
  }
  return problems;
}

