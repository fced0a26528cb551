import { useCallback, useState } from 'react';
import type { CommandAnswer } from '@/lib/newsroom/commands-http';
import type { RepublishKind } from '@/lib/newsroom/corrections';
import type { ArticleDraft } from '@/lib/newsroom/draft';
import { formatDateline, formatJstTime, fromJstInputValue } from '@/lib/time/jst';
import { formatSaveMessage, readCommandAnswer, type EditorArticle } from './editor-state';
import { REPUBLISH_CHOICES } from './republish-choices';

type ArticleCommandsOptions = {
  initial: EditorArticle;
  csrfToken: string;
  /** The form's draft: what save, publish, submit, schedule and republish send. */
  draft: ArticleDraft;
  /** The server stored `sent` (undefined: the command sent no draft) as `stored`. */
  markStored: (stored: ArticleDraft, sent?: ArticleDraft) => void;
};

const time = () => formatJstTime(new Date());

/**
 * The article as the server last answered, and the commands that move it on
 * (save, submit, publish, schedule, republish, send back, unpublish), each
 * against the revision the form was loaded at (a newer one elsewhere is a 409
 * shown as the error). `busy` while a command runs; `message` and `error` are
 * what the editor last heard.
 */
export function useArticleCommands({ initial, csrfToken, draft, markStored }: ArticleCommandsOptions) {
  const [article, setArticle] = useState(initial);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const send = useCallback(
    async (method: 'PUT' | 'POST', path: string, body: Record<string, unknown>, sentDraft?: ArticleDraft): Promise<CommandAnswer | null> => {
      const response = await fetch(path, {
        method,
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrfToken },
        body: JSON.stringify(body),
      }).catch(() => null);
      const outcome = readCommandAnswer(response, response ? await response.json().catch(() => ({})) : null);
      if (!outcome.ok) {
        setError(outcome.error);
        return null;
      }
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

  const save = useCallback(
    async (autosave = false) => {
      const sent = draft;
      const answer = await send('PUT', base, { draft: sent, baseRevision: article.revision, autosave }, sent);
      if (answer && !answer.removedFromBody) setMessage(formatSaveMessage(autosave, time()));
      return answer;
    },
    [draft, send, base, article.revision],
  );

  async function act(label: string, run: () => Promise<CommandAnswer | null>, confirmText?: string) {
    if (confirmText && !window.confirm(confirmText)) return;
    setBusy(true);
    setMessage(null);
    const answer = await run();
    if (answer) setMessage(`${label}(${time()})`);
    setBusy(false);
  }

  const saveNow = () => act('保存しました', () => save());
  const publish = () =>
    act('公開しました', () => send('POST', `${base}/publish`, { draft, baseRevision: article.revision }, draft), 'この記事を今すぐ公開しますか?');
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
  const submit = () =>
    act('デスクに提出しました', () => send('POST', `${base}/submit`, { draft, baseRevision: article.revision }, draft), 'この記事をデスクに提出しますか?');
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
    void act(`${formatDateline(at)}に公開を予約しました`, () => send('POST', `${base}/schedule`, { draft, baseRevision: article.revision, at }, draft));
  };

  return { article, message, error, busy, save, saveNow, publish, republish, unpublish, unschedule, submit, sendBack, schedule };
}
