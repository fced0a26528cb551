import { STATUS_LABELS } from '@/lib/newsroom/labels';
import type { Role } from '@/lib/newsroom/roles';
import type { SaveConflict } from '@/lib/newsroom/save-conflict';
import { decideEditorControls, type EditorArticle } from './editor-state';

/** What the editor's commands offer a conflict (./use-article-commands.ts). */
type ConflictCommands = {
  conflict: SaveConflict | null;
  saveOver: (revision: number) => Promise<void>;
  adopt: (stored: EditorArticle, keepForm: boolean, note: string) => void;
};

const TAKE_THEIRS_CONFIRM = 'この画面で入力した内容を捨てて、相手の版に置き換えますか?';

/**
 * The two ways out of a save refused because someone else saved first
 * (ADR 0047), and nothing in between is saved: autosave waits while the
 * conflict is open. 自分の版で保存 saves the form over the other version,
 * naming its revision, when the role may still save the article in its new
 * status; otherwise (the desk published the piece meanwhile) the form keeps
 * what was typed on top of their version, and says what to do next.
 * 相手の版を読み込む replaces the form, after asking.
 */
export function useSaveConflict(commands: ConflictCommands, role: Role) {
  const { conflict } = commands;
  const canSaveOver = conflict !== null && decideEditorControls(role, conflict.article.status).editable;

  function keepMine() {
    if (!conflict) return;
    if (canSaveOver) {
      void commands.saveOver(conflict.article.revision);
      return;
    }
    const republish = decideEditorControls(role, conflict.article.status).republish;
    commands.adopt(
      conflict.article,
      true,
      republish
        ? '相手の版を基準にしました。この画面の内容を公開するには、変更の種類を選んでもう一度公開してください'
        : `この記事は今「${STATUS_LABELS[conflict.article.status]}」で、ここからは保存できません。入力した内容はこの画面に残っています`,
    );
  }

  function takeTheirs() {
    if (!conflict || !window.confirm(TAKE_THEIRS_CONFIRM)) return;
    commands.adopt(conflict.article, false, '相手の版を読み込みました');
  }

  return { conflict, canSaveOver, keepMine, takeTheirs };
}
