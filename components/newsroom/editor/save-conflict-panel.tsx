import { formatEditorName } from '@/lib/newsroom/presence-rules';
import type { SaveConflict } from '@/lib/newsroom/save-conflict';
import { formatDateline } from '@/lib/time/jst';
import { RevisionComparison } from '../revision-comparison';
import { buttonClass } from './form-styles';

type SaveConflictPanelProps = {
  conflict: SaveConflict;
  /** Whether 自分の版で保存 can save (the role may save the article in its new status). */
  canSaveOver: boolean;
  busy: boolean;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
};

/** Who saved since the form's revision, as the panel names them: 「鈴木 一郎さん(デスク)」, or the editor's own other window. */
export function formatSavedBy(savedBy: SaveConflict['savedBy']): string {
  if (savedBy.length === 0) return 'ほかの編集者';
  return savedBy.map((e) => (e.self ? 'あなた(別のタブかブラウザ)' : formatEditorName(e))).join('、');
}

/**
 * Shown when a save (or an autosave, or a command carrying the form) was
 * refused because someone else saved first (ADR 0047): who and when, what
 * they changed since the version this form started from (the revision
 * comparison's words and marks, ADR 0041), which fields both touched, and
 * the two ways on. The form above keeps the editor's text throughout.
 */
export function SaveConflictPanel({ conflict, canSaveOver, busy, onKeepMine, onTakeTheirs }: SaveConflictPanelProps) {
  const when = conflict.savedAt ? `${formatDateline(conflict.savedAt)}に` : '';
  return (
    <section aria-labelledby="save-conflict-title" className="space-y-3 rounded border-2 border-amber-600 bg-amber-50 p-4 text-sm" data-testid="save-conflict">
      {/* Announced once as it appears; the comparison below is read on request, not all at once. */}
      <div role="alert" className="space-y-1">
        <h2 id="save-conflict-title" className="text-base font-bold">
          ほかの編集者が先に保存しました。あなたの変更はまだ保存されていません
        </h2>
        <p>
          {formatSavedBy(conflict.savedBy)}が{when}この記事を保存しました。あなたが入力した内容は消えていません。この画面の入力欄に残っています。
        </p>
      </div>
      {conflict.bothChanged.length > 0 && (
        <p className="font-bold" data-testid="save-conflict-overlap">
          あなたも変更した項目: {conflict.bothChanged.join('、')}。下の変更と見比べてから選んでください。
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        <button type="button" disabled={busy} onClick={onKeepMine} className={`${buttonClass} bg-ink text-white`}>
          {canSaveOver ? '自分の版で保存' : '自分の入力を残す'}
        </button>
        <button type="button" disabled={busy} onClick={onTakeTheirs} className={`${buttonClass} border border-ink bg-white`}>
          相手の版を読み込む
        </button>
      </div>
      <ul className="list-disc space-y-1 pl-5">
        <li>
          {canSaveOver
            ? '「自分の版で保存」: 相手の変更の上に、この画面の内容をそのまま保存します(相手の変更は版の履歴に残ります)。'
            : '「自分の入力を残す」: この画面の内容をそのまま残し、相手の版を基準にします。'}
        </li>
        <li>「相手の版を読み込む」: この画面の入力を捨てて、相手が保存した内容に置き換えます。</li>
      </ul>
      <details open className="rounded border border-rule bg-white px-3 py-2">
        <summary className="cursor-pointer font-bold">相手が変えたところ(あなたが開いた版との違い)</summary>
        <RevisionComparison comparison={conflict.comparison} fromLabel="あなたが開いた版" toLabel="相手の版" />
      </details>
    </section>
  );
}
