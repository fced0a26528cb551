import { CONTROLS } from '../text/controls';

/**
 * The three ways a live article is republished (ADR 0034), and the check of
 * a 訂正 notice. Pure, so the editor form and the commands share them.
 */

/**
 * - `fix` 軽微な修正: a typo or a broken link; readers see no 更新 and the
 *   updated time (and `dateModified`) stays.
 * - `update` 更新: something added or developed; the updated time moves.
 * - `correct` 訂正: an error put right; the updated time moves and a dated
 *   notice is shown on the article, in its JSON-LD and in its feed item.
 */
export const REPUBLISH_KINDS = ['fix', 'update', 'correct'] as const;
export type RepublishKind = (typeof REPUBLISH_KINDS)[number];

/** The longest 訂正 notice, in characters: a notice is a sentence or two, not a second article. */
export const CORRECTION_NOTICE_MAX = 1000;

export const CORRECTION_NOTICE_EMPTY = '訂正文を入力してください。読者に示す訂正の内容(何を誤り、何が正しいか)が必要です。';

/**
 * A 訂正 notice as stored and shown: controls removed, line ends made `\n`,
 * blank runs cut to one empty line, trimmed. An error in Japanese when
 * nothing is left or it is too long.
 */
export function checkCorrectionNotice(raw: unknown): { ok: true; text: string } | { ok: false; error: string } {
  if (typeof raw !== 'string') return { ok: false, error: CORRECTION_NOTICE_EMPTY };
  const text = raw
    .replace(/\r\n?/g, '\n')
    .replace(CONTROLS, '')
    .replace(/[ \t\u3000]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if (text === '') return { ok: false, error: CORRECTION_NOTICE_EMPTY };
  if ([...text].length > CORRECTION_NOTICE_MAX) return { ok: false, error: `訂正文は${CORRECTION_NOTICE_MAX}文字以内にしてください。` };
  return { ok: true, text };
}
