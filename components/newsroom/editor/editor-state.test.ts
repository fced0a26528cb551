import { describe, expect, it } from 'vitest';
import { emptyDraft } from '@/lib/newsroom/draft';
import {
  applySeries,
  countNotice,
  decideDraftAfterSave,
  decideEditorControls,
  formatSaveMessage,
  formatStatusLine,
  hasUnsentWork,
  isDirty,
  NETWORK_ERROR,
  readCommandAnswer,
  readPreviewAnswer,
  REMOVED_FROM_BODY,
  toSavedSnapshot,
} from './editor-state';

/** What the article editor decides before anything reaches the screen. */

const draft = { ...emptyDraft('world'), headline: '見出し', body: '本文' };
const article = { id: 'abcdefgh', status: 'draft' as const, draft, publishedAt: null, updatedAt: null, revision: 3 };

describe('unsaved work', () => {
  it('is dirty once any field differs from what the server stored, and clean again when it matches', () => {
    const saved = toSavedSnapshot(draft);
    expect(isDirty(draft, saved)).toBe(false);
    expect(isDirty({ ...draft }, saved)).toBe(false);
    expect(isDirty({ ...draft, headline: '見出し2' }, saved)).toBe(true);
    expect(isDirty({ ...draft, topics: ['election'] }, saved)).toBe(true);
    expect(isDirty({ ...draft, sponsored: true }, saved)).toBe(true);
  });

  it('counts a typed 訂正 notice as work to lose, but not a blank one or a notice for another kind', () => {
    expect(hasUnsentWork(false, null, '')).toBe(false);
    expect(hasUnsentWork(true, null, '')).toBe(true);
    expect(hasUnsentWork(false, 'correct', '(訂正)人数を誤りました。')).toBe(true);
    expect(hasUnsentWork(false, 'correct', '  \n ')).toBe(false);
    expect(hasUnsentWork(false, 'update', '(訂正)人数を誤りました。')).toBe(false);
  });
});

describe('the draft after a save', () => {
  const stored = { ...draft, body: '本文(清書)' };

  it('takes the stored, cleaned copy when nothing was typed meanwhile', () => {
    expect(decideDraftAfterSave({ ...draft }, draft, stored)).toBe(stored);
  });

  it('keeps what was typed while the request was in flight', () => {
    const typed = { ...draft, body: '本文と続き' };
    expect(decideDraftAfterSave(typed, draft, stored)).toBe(typed);
  });

  it('takes the stored copy after a command that sent no draft (send back, unpublish)', () => {
    const typed = { ...draft, body: '本文と続き' };
    expect(decideDraftAfterSave(typed, undefined, stored)).toBe(stored);
  });
});

describe('a command’s answer', () => {
  it('says the connection failed when the request never reached the server', () => {
    expect(readCommandAnswer(null, null)).toEqual({ ok: false, error: NETWORK_ERROR });
  });

  it('shows the server’s own words for a refusal, such as another editor’s newer revision', () => {
    const conflict = 'ほかの編集者がこの記事を更新しました。ページを再読み込みして最新の内容を確認してください。';
    expect(readCommandAnswer({ ok: false, status: 409 }, { error: conflict })).toEqual({ ok: false, error: conflict });
  });

  it('falls back to the status when the refusal carries no words, or an OK carries no article', () => {
    expect(readCommandAnswer({ ok: false, status: 502 }, {})).toEqual({ ok: false, error: '処理できませんでした(502)。' });
    expect(readCommandAnswer({ ok: true, status: 200 }, {})).toEqual({ ok: false, error: '処理できませんでした(200)。' });
  });

  it('hands back the stored article, and says so when unsafe markup was taken out of the body', () => {
    expect(readCommandAnswer({ ok: true, status: 200 }, { article, removedFromBody: 0 })).toEqual({
      ok: true,
      answer: { article, removedFromBody: 0 },
      notice: null,
    });
    const cleaned = readCommandAnswer({ ok: true, status: 200 }, { article, removedFromBody: 2 });
    expect(cleaned.ok && cleaned.notice).toBe(REMOVED_FROM_BODY);
  });

  it('tells an autosave from a save the editor asked for', () => {
    expect(formatSaveMessage(true, '14:05')).toBe('自動保存しました(14:05)');
    expect(formatSaveMessage(false, '14:05')).toBe('保存しました(14:05)');
  });
});

describe('the live preview’s answer', () => {
  it('keeps a rendered answer and a refusal as they are, and words a failed request', () => {
    expect(readPreviewAnswer({ ok: true, node: 'x', pages: 2 })).toEqual({ ok: true, node: 'x', pages: 2 });
    expect(readPreviewAnswer({ ok: false, error: '見出しがありません' })).toEqual({ ok: false, error: '見出しがありません' });
    expect(readPreviewAnswer(null)).toEqual({ ok: false, error: 'プレビューを更新できませんでした。' });
  });
});

describe('fields', () => {
  it('makes an article PR with a sponsored series, and keeps an explicit PR flag when the series goes', () => {
    expect(applySeries(draft, { slug: 'brand-x', sponsored: true })).toMatchObject({ series: 'brand-x', sponsored: true });
    expect(applySeries(draft, { slug: 'weekly', sponsored: false })).toMatchObject({ series: 'weekly', sponsored: false });
    expect(applySeries({ ...draft, series: 'brand-x', sponsored: true }, undefined)).toMatchObject({ series: null, sponsored: true });
    expect(applySeries({ ...draft, sponsored: true }, { slug: 'weekly', sponsored: false })).toMatchObject({ series: 'weekly', sponsored: true });
  });

  it('counts a 訂正 notice as the server does: trimmed, one per character even outside the BMP', () => {
    expect(countNotice('  訂正します。 ')).toEqual({ count: 6, over: false });
    expect(countNotice('𠮷野家').count).toBe(3);
    expect(countNotice('あ'.repeat(1000)).over).toBe(false);
    expect(countNotice('あ'.repeat(1001))).toEqual({ count: 1001, over: true });
  });

  it('says when a piece goes or went live, else when it was last saved', () => {
    const at = '2026-12-05T03:30:00.000Z';
    expect(formatStatusLine({ status: 'scheduled', publishedAt: at, updatedAt: null })).toBe('予約: 2026年12月5日(土)12時30分に公開');
    expect(formatStatusLine({ status: 'published', publishedAt: at, updatedAt: null })).toBe('公開: 2026年12月5日(土)12時30分');
    expect(formatStatusLine({ status: 'draft', publishedAt: null, updatedAt: at })).toBe('最終保存: 2026年12月5日(土)12時30分');
    expect(formatStatusLine({ status: 'draft', publishedAt: null, updatedAt: null })).toBe('');
  });
});

describe('the controls a role sees (ADR 0032)', () => {
  it('lets a 記者 save and submit a draft but never publish, and tells them when the desk holds a piece', () => {
    expect(decideEditorControls('reporter', 'draft')).toMatchObject({ editable: true, submit: true, publish: false, schedule: false, deskOnly: false });
    expect(decideEditorControls('reporter', 'published')).toMatchObject({ editable: false, republish: false, unpublish: false, deskOnly: true });
  });

  it('gives the デスク the republish choice only on a live piece, and send-back only on a submitted one', () => {
    expect(decideEditorControls('desk', 'published')).toMatchObject({ editable: false, chooseRepublish: true, republish: true, unpublish: true, deskOnly: false });
    expect(decideEditorControls('desk', 'submitted')).toMatchObject({ editable: true, publish: true, sendBack: true, submit: false });
    expect(decideEditorControls('desk', 'draft')).toMatchObject({ sendBack: false, chooseRepublish: false, unschedule: false });
    expect(decideEditorControls('desk', 'scheduled')).toMatchObject({ schedule: true, unschedule: true });
  });
});
