import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { emptyDraft } from '@/lib/newsroom/draft';
import { compareRevisions } from '@/lib/newsroom/revision-diff';
import type { SaveConflict } from '@/lib/newsroom/save-conflict';
import { readCommandAnswer } from './editor-state';
import { formatSavedBy, SaveConflictPanel } from './save-conflict-panel';

/** What an editor reads when a save was refused because someone else saved first (ADR 0047). */

const before = { ...emptyDraft('world'), headline: '港の再開発、来春に着工', body: '市は計画を見直した。\n\n着工は来春の予定だ。' };
const theirs = { ...before, headline: '港の再開発、着工は再来年に', body: '市は計画を見直した。\n\n着工は再来年の予定だ。' };

const conflict: SaveConflict = {
  article: { id: 'abcdefgh', status: 'draft', draft: theirs, publishedAt: null, updatedAt: '2026-12-06T02:02:00.000Z', revision: 3 },
  savedBy: [{ name: '鈴木 一郎', role: 'desk', self: false }],
  savedAt: '2026-12-06T02:02:00.000Z',
  comparison: compareRevisions(before, theirs),
  bothChanged: ['本文'],
};

const render = (canSaveOver: boolean, c: SaveConflict = conflict) =>
  renderToStaticMarkup(<SaveConflictPanel conflict={c} canSaveOver={canSaveOver} busy={false} onKeepMine={() => {}} onTakeTheirs={() => {}} />);

describe('the save conflict panel', () => {
  it('says who saved and when, that nothing typed is lost, and where both changed the article', () => {
    const html = render(true);
    expect(html).toContain('ほかの編集者が先に保存しました');
    expect(html).toContain('鈴木 一郎さん(デスク)が2026年12月6日(日)11時02分にこの記事を保存しました');
    expect(html).toContain('あなたが入力した内容は消えていません');
    expect(html).toContain('あなたも変更した項目: 本文');
  });

  it('shows what they changed, word by word, from the version this form started from', () => {
    const html = render(true);
    expect(html).toContain('<del class="bg-rose-100 text-rose-950 line-through decoration-2 decoration-rose-700">来春</del>');
    expect(html).toMatch(/<ins[^>]*>再来年<\/ins>/);
    expect(html).toContain('あなたが開いた版にあって消えた文字');
    expect(html).toContain('相手の版で加わった文字');
  });

  it('offers 自分の版で保存 when the form can still be saved, and keeping the text on top of theirs when it cannot', () => {
    expect(render(true)).toMatch(/<button[^>]*>自分の版で保存<\/button>/);
    expect(render(true)).toMatch(/<button[^>]*>相手の版を読み込む<\/button>/);
    const published = render(false, { ...conflict, article: { ...conflict.article, status: 'published' } });
    expect(published).not.toContain('>自分の版で保存<');
    expect(published).toMatch(/<button[^>]*>自分の入力を残す<\/button>/);
  });

  it('names the editor’s own other window as themself, and an unnamed save as another editor', () => {
    expect(formatSavedBy([{ name: '山田 花子', role: 'reporter', self: true }, { name: '鈴木 一郎', role: 'desk', self: false }])).toBe('あなた(別のタブかブラウザ)、鈴木 一郎さん(デスク)');
    expect(formatSavedBy([])).toBe('ほかの編集者');
  });

  it('is what a 409 with the other version becomes; a 409 without one stays an error', () => {
    const outcome = readCommandAnswer({ ok: false, status: 409 }, { error: 'ほかの編集者がこの記事を更新しました。', conflict });
    expect(outcome).toEqual({ ok: false, error: 'ほかの編集者がこの記事を更新しました。', conflict });
    expect(readCommandAnswer({ ok: false, status: 409 }, { error: 'この記事はすでに保存されています。' })).toEqual({ ok: false, error: 'この記事はすでに保存されています。' });
    // Only a 409 carries a conflict: anything else claiming one is an error.
    expect(readCommandAnswer({ ok: false, status: 400 }, { error: '入力内容を確認してください。', conflict })).toEqual({ ok: false, error: '入力内容を確認してください。' });
  });
});
