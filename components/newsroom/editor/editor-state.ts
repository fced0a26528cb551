import type { ReactNode } from 'react';
import type { ArticleStatus } from '@/lib/content/types';
import type { CommandAnswer } from '@/lib/newsroom/commands-http';
import { CORRECTION_NOTICE_MAX, type RepublishKind } from '@/lib/newsroom/corrections';
import type { ArticleDraft } from '@/lib/newsroom/draft';
import { EDITABLE_STATUSES } from '@/lib/newsroom/labels';
import { listAllowedCommands, type Role } from '@/lib/newsroom/roles';
import type { SaveConflict } from '@/lib/newsroom/save-conflict';
import { formatDateline } from '@/lib/time/jst';

/**
 * What the article editor decides without a browser: when the form holds
 * unsaved work, what a command's answer does to the form, which controls a
 * role sees. The hooks beside this file hold the state; these say what it means.
 */

export type EditorArticle = CommandAnswer['article'];

/** The draft as last stored, in the form the editor compares against: key order included, as the server sends it back. */
export function toSavedSnapshot(draft: ArticleDraft): string {
  return JSON.stringify(draft);
}

/** Whether the form differs from what the server last stored. */
export function isDirty(draft: ArticleDraft, savedSnapshot: string): boolean {
  return toSavedSnapshot(draft) !== savedSnapshot;
}

/** Whether leaving the page now loses something: unsaved fields, or a 訂正 notice typed but not yet published. */
export function hasUnsentWork(dirty: boolean, republishKind: RepublishKind | null, notice: string): boolean {
  return dirty || (republishKind === 'correct' && notice.trim() !== '');
}

/**
 * The form's draft once the server has stored `sent` as `stored`: the stored
 * (cleaned) copy, unless the editor kept typing while the request was in
 * flight, whose words are kept. Commands that send no draft (`sent`
 * undefined) always take the stored copy.
 */
export function decideDraftAfterSave(current: ArticleDraft, sent: ArticleDraft | undefined, stored: ArticleDraft): ArticleDraft {
  return sent === undefined || JSON.stringify(current) === JSON.stringify(sent) ? stored : current;
}

export const NETWORK_ERROR = '通信に失敗しました。接続を確かめてもう一度お試しください。';
export const REMOVED_FROM_BODY = '本文から使えない記法(HTMLタグや安全でないリンク)を取り除きました。';

/**
 * A command's HTTP answer as the editor shows it: the stored article, or the
 * words of the error, and when someone else saved first, their version and
 * what they changed (ADR 0047).
 */
export type CommandOutcome = { ok: true; answer: CommandAnswer; notice: string | null } | { ok: false; error: string; conflict?: SaveConflict };

/**
 * Reads the answer to a newsroom command. `response` is null when the request
 * never reached the server; `body` is whatever JSON came back ({} when none).
 */
export function readCommandAnswer(response: { ok: boolean; status: number } | null, body: unknown): CommandOutcome {
  if (!response) return { ok: false, error: NETWORK_ERROR };
  const answer = (body ?? {}) as Partial<CommandAnswer> & { error?: string; conflict?: SaveConflict };
  if (!response.ok || !answer.article) {
    const error = answer.error ?? `処理できませんでした(${response.status})。`;
    return response.status === 409 && answer.conflict?.article ? { ok: false, error, conflict: answer.conflict } : { ok: false, error };
  }
  return { ok: true, answer: answer as CommandAnswer, notice: answer.removedFromBody ? REMOVED_FROM_BODY : null };
}

/** The line beside the status after a save; `time` is the JST clock time it happened. */
export function formatSaveMessage(autosave: boolean, time: string): string {
  return `${autosave ? '自動保存しました' : '保存しました'}(${time})`;
}

/** The live preview's answer: the form rendered on the server, or why it could not be. */
export type PreviewAnswer = { ok: true; node: ReactNode; pages: number } | { ok: false; error: string };

/** The preview pane's next state from an answer, or from a request that failed outright (null). */
export function readPreviewAnswer(answer: PreviewAnswer | null): PreviewAnswer {
  return answer ?? { ok: false, error: 'プレビューを更新できませんでした。' };
}

type SeriesOption = { slug: string; sponsored: boolean };

/** The draft with `series` chosen (undefined: none). A sponsored series makes the article PR too; leaving one does not clear an explicit PR flag. */
export function applySeries(draft: ArticleDraft, series: SeriesOption | undefined): ArticleDraft {
  return { ...draft, series: series?.slug ?? null, sponsored: series ? series.sponsored || draft.sponsored : draft.sponsored };
}

/** A 訂正 notice's length as the server counts it (code points, trimmed), and whether it is over the limit. */
export function countNotice(notice: string): { count: number; over: boolean } {
  const count = [...notice.trim()].length;
  return { count, over: count > CORRECTION_NOTICE_MAX };
}

/** The line beside the status badge: when it goes or went live, else when it was last saved. */
export function formatStatusLine(article: Pick<EditorArticle, 'status' | 'publishedAt' | 'updatedAt'>): string {
  if (article.status === 'scheduled' && article.publishedAt) return `予約: ${formatDateline(article.publishedAt)}に公開`;
  if (article.status === 'published' && article.publishedAt) return `公開: ${formatDateline(article.publishedAt)}`;
  return article.updatedAt ? `最終保存: ${formatDateline(article.updatedAt)}` : '';
}

/** Which of the editor's controls a role sees on an article in `status` (the server refuses the rest anyway, ADR 0032). */
export type EditorControls = {
  /** The fields can be saved: the save button, autosave, saving before a preview. */
  editable: boolean;
  submit: boolean;
  publish: boolean;
  /** The choice of 軽微な修正 / 更新 / 訂正 shown above the buttons. */
  chooseRepublish: boolean;
  republish: boolean;
  unpublish: boolean;
  sendBack: boolean;
  schedule: boolean;
  unschedule: boolean;
  /** Nothing typed here could be saved or published: said before anything is typed. */
  deskOnly: boolean;
};

export function decideEditorControls(role: Role, status: ArticleStatus): EditorControls {
  const allowed = listAllowedCommands(role, status);
  const may = (command: (typeof allowed)[number]) => allowed.includes(command);
  const editable = EDITABLE_STATUSES.includes(status) && may('save');
  const published = status === 'published';
  return {
    editable,
    submit: status === 'draft' && may('submit') && !may('publish'),
    publish: editable && may('publish'),
    chooseRepublish: !editable && published && may('correct'),
    republish: published && may('correct'),
    unpublish: published && may('unpublish'),
    sendBack: status === 'submitted' && may('return'),
    schedule: editable && may('schedule'),
    unschedule: editable && may('schedule') && status === 'scheduled' && may('unschedule'),
    deskOnly: !editable && !may('correct') && !may('unpublish'),
  };
}
