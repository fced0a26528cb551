import type { ArticleStatus, RevisionAction } from '../db/schema';

/** The newsroom's words for an article's status, shared by the list, the editor and the preview banner. */
export const STATUS_LABELS: Record<ArticleStatus, string> = {
  draft: '下書き',
  submitted: '提出済み',
  scheduled: '予約',
  published: '公開中',
  unpublished: '非公開',
};

export const REVISION_LABELS: Record<RevisionAction, string> = {
  create: '作成',
  save: '保存',
  autosave: '自動保存',
  submit: 'デスクに提出',
  return: '差し戻し',
  publish: '公開',
  schedule: '予約',
  unschedule: '予約取り消し',
  unpublish: '公開取り下げ',
  fix: '軽微な修正',
  update: '更新',
  correct: '訂正',
  restore: '版から復元',
  delete: '削除',
  undelete: '削除から復元',
};

/**
 * What the side-by-side preview shows in place of a headline not yet written:
 * an empty <h1> tells a screen reader nothing (axe empty-heading).
 */
export const UNTITLED_HEADLINE = '(見出し未入力)';

export const ARTICLE_STATUSES: ArticleStatus[] = ['draft', 'submitted', 'scheduled', 'published', 'unpublished'];

/**
 * The statuses whose draft an editor saves as it is: the commands accept an
 * edit only from these, and the editor shows its save buttons for them. A
 * published article changes only by republishing: 軽微な修正, 更新 or 訂正
 * (ADR 0034). Who may edit which is ./roles.ts's.
 */
export const EDITABLE_STATUSES: readonly ArticleStatus[] = ['draft', 'submitted', 'scheduled', 'unpublished'];

export function isArticleStatus(value: unknown): value is ArticleStatus {
  return typeof value === 'string' && (ARTICLE_STATUSES as string[]).includes(value);
}
