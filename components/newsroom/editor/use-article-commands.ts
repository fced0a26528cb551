import { useCallback, useRef, useState } from 'react';
import type { CommandAnswer } from '@/lib/newsroom/commands-http';
import type { RepublishKind } from '@/lib/newsroom/corrections';
import type { ArticleDraft } from '@/lib/newsroom/draft';
import type { SaveConflict } from '@/lib/newsroom/save-conflict';
import { formatDateline, formatJstTime, fromJstInputValue } from '@/lib/time/jst';
import { sendJson } from '../send-json';
import { formatSaveMessage, readCommandAnswer, type EditorArticle } from './editor-state';
import { REPUBLISH_CHOICES } from './republish-choices';

type ArticleCommandsOptions = {
  initial: EditorArticle;
  csrfToken: string;
  /** The form's draft: what save, publish, submit, schedule and republish send. */
  draft: ArticleDraft;
  /** The server stored `sent` (undefined: the command sent no draft) as `stored`. */
  markStored: (stored: ArticleDraft, sent?: ArticleDraft) => void;
  /** The server holds `stored` now, and the form keeps what was typed. */
  rebase: (stored: ArticleDraft) => void;
  /** A new article not yet stored (ADR 0041): its first save creates it, as `kind`. */
  isNew?: boolean;
  kind?: 'article' | 'live';
};

const time = () => formatJstTime(new Date());

/**
 * The article as the server last answered, and the commands that move it on
 * (save, submit, publish, schedule, republish, send back, unpublish), each
 * against the revision the form was loaded at (a newer one elsewhere is a 409
 * kept as `conflict`, with the other version, ADR 0047). `busy` while a
 * command runs; `message` and `error` are what the editor last heard. A new
 * article (`isNew`) is created by its first save or command, once; the
 * address then becomes the article's own.
 */
export function useArticleCommands({ initial, csrfToken, draft, markStored, rebase, isNew = false, kind = 'article' }: ArticleCommandsOptions) {
  const [article, setArticle] = useState(initial);
  const [stored, setStored] = useState(!isNew);
  // An autosave and a click can both be the first save: they share one creation.
  const creating = useRef<Promise<CommandAnswer | null> | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState<SaveConflict | null>(null);

  const send = useCallback(
    async (method: 'PUT' | 'POST', path: string, body: Record<string, unknown>, sentDraft?: ArticleDraft): Promise<CommandAnswer | null> => {
      const answer = await sendJson(path, csrfToken, body, { method });
      // Status 0: no answer at all (sendJson's offline case), which readCommandAnswer calls a network failure.
      const outcome = readCommandAnswer(answer.status === 0 ? null : answer, answer.body);
      if (!outcome.ok) {
        // The form is never touched by a refusal: what was typed stays in the fields.
        setConflict((before) => outcome.conflict ?? before);
        setError(outcome.conflict ? null : outcome.error);
        return null;
      }
      setConflict(null);
      setArticle(outcome.answer.article);
      // Keep anything typed while the request was in flight; otherwise take the stored (cleaned) copy.
      markStored(outcome.answer.article.draft, sentDraft);
      setError(null);
      if (outcome.notice) setMessage(outcome.notice);
      return outcome.answer;
    },
    [csrfToken, markStored],
  );

  const base = `/api/newsroom/articles/${article.id}`;

  const create = useCallback(
    (autosave: boolean): Promise<CommandAnswer | null> => {
      creating.current ??= (async () => {
        const sent = draft;
        const answer = await send('POST', '/api/newsroom/articles', { id: article.id, kind, draft: sent, autosave }, sent);
        if (!answer) {
          creating.current = null;
          return null;
        }
        setStored(true);
        // The editor now edits a stored article: its own address, for a reload or a link.
        window.history.replaceState(null, '', `/newsroom/articles/${answer.article.id}`);
        return answer;
      })();
      return creating.current;
    },
    [draft, send, article.id, kind],
  );

  const save = useCallback(
    async (autosave = false) => {
      const sent = draft;
      const answer = stored ? await send('PUT', base, { draft: sent, baseRevision: article.revision, autosave }, sent) : await create(autosave);
      if (answer && !answer.removedFromBody) setMessage(formatSaveMessage(autosave, time()));
      return answer;
    },
    [draft, send, base, article.revision, stored, create],
  );

  /** The revision a command names: a new article is created first (null when that fails, with its error shown). */
  async function ready(): Promise<number | null> {
    if (stored) return article.revision;
    return (await create(false))?.article.revision ?? null;
  }

  /** Runs `command` with the form once the article exists. */
  async function withDraft(command: string, extra: Record<string, unknown> = {}): Promise<CommandAnswer | null> {
    const baseRevision = await ready();
    if (baseRevision === null) return null;
    return send('POST', `${base}/${command}`, { draft, baseRevision, ...extra }, draft);
  }

  async function act(label: string, run: () => Promise<CommandAnswer | null>, confirmText?: string) {
    if (confirmText && !window.confirm(confirmText)) return;
    setBusy(true);
    setMessage(null);
    const answer = await run();
    if (answer) setMessage(`${label}(${time()})`);
    setBusy(false);
  }

  const saveNow = () => act('保存しました', () => save());
  const publish = () => act('公開しました', () => withDraft('publish'), 'この記事を今すぐ公開しますか?');
  /** `onAccepted` runs only once the server has taken it: a refused 訂正 keeps its notice in the box. */
  const republish = (kind: RepublishKind, notice: string, onAccepted: () => void) =>
    act(
      REPUBLISH_CHOICES[kind].done,
      async () => {
        const answer = await send('POST', `${base}/${kind}`, { draft, baseRevision: article.revision, ...(kind === 'correct' ? { notice } : {}) }, draft);
        if (answer) onAccepted();
        return answer;
      },
      REPUBLISH_CHOICES[kind].confirm,
    );
  const unpublish = () =>
    act('公開を取り下げました', () => send('POST', `${base}/unpublish`, {}), '公開を取り下げますか?読者にはこの記事が削除されたと表示されます(410)。');
  const unschedule = () => act('予約を取り消しました', () => send('POST', `${base}/unschedule`, {}));
  const submit = () => act('デスクに提出しました', () => withDraft('submit'), 'この記事をデスクに提出しますか?');
  const sendBack = (note: string, onAccepted: () => void) => {
    if (note.trim() === '') {
      setError('差し戻しの理由を書いてください。');
      return;
    }
    void act('差し戻しました', async () => {
      const answer = await send('POST', `${base}/return`, { note });
      if (answer) onAccepted();
      return answer;
    });
  };
  /** `scheduleAt` as the datetime-local field holds it (JST). */
  const schedule = (scheduleAt: string) => {
    const at = fromJstInputValue(scheduleAt);
    if (!at) {
      setError('予約日時を正しく入力してください。');
      return;
    }
    void act(`${formatDateline(at)}に公開を予約しました`, () => withDraft('schedule', { at }));
  };

  /** The conflict's 自分の版で保存: the form, saved over the other version on purpose (it names their revision). */
  const saveOver = (revision: number) => act('自分の版で保存しました', () => send('PUT', base, { draft, baseRevision: revision }, draft));
  /**
   * Puts a version the server holds in the form's place as its base: its
   * status and revision, and its fields too unless `keepForm` (相手の版を読み込む
   * takes them, 自分の版 keeps what was typed).
   */
  const adopt = (stored: EditorArticle, keepForm: boolean, note: string) => {
    setArticle(stored);
    if (keepForm) rebase(stored.draft);
    else markStored(stored.draft);
    setConflict(null);
    setError(null);
    setMessage(`${note}(${time()})`);
  };

  return { article, stored, message, error, busy, conflict, save, saveNow, saveOver, adopt, publish, republish, unpublish, unschedule, submit, sendBack, schedule };
}
