// @vitest-environment happy-dom
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ArticleStatus } from '@/lib/content/types';
import { emptyDraft, type ArticleDraft } from '@/lib/newsroom/draft';
import { compareRevisions } from '@/lib/newsroom/revision-diff';
import type { SaveConflict } from '@/lib/newsroom/save-conflict';
import { NETWORK_ERROR, REMOVED_FROM_BODY, type EditorArticle } from './editor-state';
import { useArticleCommands } from './use-article-commands';
import { useAutosave } from './use-autosave';
import { useDraft } from './use-draft';
import { useLeaveGuard } from './use-leave-guard';
import { useLivePreview, type RenderPreview } from './use-live-preview';
import { useSaveConflict } from './use-save-conflict';

/**
 * The article editor's hooks in a browser-like page (happy-dom): what they
 * send, when, and what the editor sees afterwards. Only the network is
 * faked, with real Responses: the hooks, editor-state and send-json run as
 * they do in the browser.
 */

const ID = 'abcdefgh';
const CSRF = 'csrf-token-1';
const LOADED: ArticleDraft = { ...emptyDraft('world'), headline: '港の再開発、来春に着工', body: '市は計画を見直した。' };

const toArticle = (draft: ArticleDraft, revision: number, status: ArticleStatus = 'draft'): EditorArticle => ({
  id: ID,
  status,
  draft,
  publishedAt: null,
  updatedAt: '2026-12-06T02:00:00.000Z',
  revision,
});

type Sent = { path: string; method: string; headers: Record<string, string>; body: Record<string, unknown> };

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** Stubs `fetch` with `answer` and records what was sent. */
function stubNetwork(answer: (sent: Sent) => Response | Promise<Response>): Sent[] {
  const sent: Sent[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (path: string, init: RequestInit) => {
      const request = { path, method: init.method ?? 'GET', headers: init.headers as Record<string, string>, body: JSON.parse(String(init.body)) as Record<string, unknown> };
      sent.push(request);
      return answer(request);
    }),
  );
  return sent;
}

/** The server as it answers a good save: the draft stored at the next revision. */
const storesIt = (revision: number) => (sent: Sent) => json(200, { article: toArticle(sent.body.draft as ArticleDraft, revision), removedFromBody: 0 });

/** Someone else saved revision 5 with another headline (ADR 0047). */
const theirs: ArticleDraft = { ...LOADED, headline: '港の再開発、着工は再来年に' };
const CONFLICT: SaveConflict = {
  article: toArticle(theirs, 5),
  savedBy: [{ name: '鈴木 一郎', role: 'desk', self: false }],
  savedAt: '2026-12-06T02:02:00.000Z',
  comparison: compareRevisions(LOADED, theirs),
  bothChanged: [],
};

/** The hooks wired as ArticleEditor wires them for a stored draft its 記者 may save. */
function useEditor({ initial = toArticle(LOADED, 3), isNew = false }: { initial?: EditorArticle; isNew?: boolean } = {}) {
  const form = useDraft(initial.draft);
  const commands = useArticleCommands({ initial, csrfToken: CSRF, draft: form.draft, markStored: form.markStored, rebase: form.rebase, isNew });
  const conflict = useSaveConflict(commands, 'reporter');
  useLeaveGuard(form.dirty);
  useAutosave(form.dirty && !commands.busy && !conflict.conflict, commands.save);
  return { form, commands, conflict };
}

/** Whether leaving the page now would be questioned. */
function leaveIsQuestioned(): boolean {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}

/** Lets timers, the stubbed network and React's updates run. */
const pass = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));

beforeEach(() => {
  vi.useFakeTimers();
  // 11時05分 in Japan, as the editor's messages tell it.
  vi.setSystemTime(new Date('2026-12-06T02:05:00Z'));
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('useAutosave', () => {
  it('saves once, five seconds after the last change, and each change restarts the wait', async () => {
    const first = vi.fn(async () => null);
    const { rerender } = renderHook(({ save }) => useAutosave(true, save), { initialProps: { save: first } });
    await pass(4_000);
    // A keystroke makes a new `save`.
    const second = vi.fn(async () => null);
    rerender({ save: second });
    await pass(4_999);
    expect(first).not.toHaveBeenCalled();
    expect(second).not.toHaveBeenCalled();
    await pass(1);
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledExactlyOnceWith(true);
    await pass(20_000);
    expect(second).toHaveBeenCalledTimes(1);
  });

  it('never fires while nothing is due, nor for a wait that stopped being due', async () => {
    const save = vi.fn(async () => null);
    const { rerender } = renderHook(({ due }) => useAutosave(due, save), { initialProps: { due: false } });
    await pass(20_000);
    rerender({ due: true });
    await pass(3_000);
    rerender({ due: false });
    await pass(20_000);
    expect(save).not.toHaveBeenCalled();
  });
});

describe('autosave in the editor', () => {
  it('sends the typed draft after a pause, with the CSRF token, against the revision loaded', async () => {
    const sent = stubNetwork(storesIt(4));
    const { result } = renderHook(() => useEditor());
    act(() => result.current.form.update('body', '市は計画を見直した。着工は来春だ。'));
    await pass(4_900);
    expect(sent).toEqual([]);
    await pass(100);
    expect(sent).toEqual([
      {
        path: `/api/newsroom/articles/${ID}`,
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': CSRF },
        body: { draft: { ...LOADED, body: '市は計画を見直した。着工は来春だ。' }, baseRevision: 3, autosave: true },
      },
    ]);
    expect(result.current.form.dirty).toBe(false);
    expect(result.current.commands.article.revision).toBe(4);
    expect(result.current.commands.message).toBe('自動保存しました(11:05)');
  });

  it('saves nothing while a conflict is open, and goes on once the editor has chosen', async () => {
    let conflicted = true;
    const sent = stubNetwork((request) => (conflicted ? json(409, { error: 'ほかの編集者が先に保存しました。', conflict: CONFLICT }) : storesIt(6)(request)));
    const { result } = renderHook(() => useEditor());
    act(() => result.current.form.update('body', '一度目の加筆。'));
    await pass(5_000);
    expect(sent).toHaveLength(1);
    expect(result.current.conflict.conflict?.article.revision).toBe(5);

    act(() => result.current.form.update('body', '二度目の加筆。'));
    await pass(60_000);
    expect(sent).toHaveLength(1);

    // 自分の版で保存: the form, over their revision on purpose.
    conflicted = false;
    act(() => result.current.conflict.keepMine());
    await pass(0);
    expect(sent[1]).toMatchObject({ method: 'PUT', body: { draft: { ...LOADED, body: '二度目の加筆。' }, baseRevision: 5 } });
    expect(result.current.conflict.conflict).toBeNull();

    act(() => result.current.form.update('body', '三度目の加筆。'));
    await pass(5_000);
    expect(sent[2]).toMatchObject({ body: { draft: { ...LOADED, body: '三度目の加筆。' }, baseRevision: 6, autosave: true } });
  });
});

describe('useLeaveGuard', () => {
  it('questions unloading only while it is active', () => {
    const { rerender } = renderHook(({ active }) => useLeaveGuard(active), { initialProps: { active: false } });
    expect(leaveIsQuestioned()).toBe(false);
    rerender({ active: true });
    expect(leaveIsQuestioned()).toBe(true);
    rerender({ active: false });
    expect(leaveIsQuestioned()).toBe(false);
  });

  it('asks before an in-app link is followed, and keeps the page when the editor says no', () => {
    renderHook(() => useLeaveGuard(true));
    document.body.innerHTML = '<a href="#elsewhere" id="inside"><span>版の履歴</span></a><a href="#new-tab" target="_blank" id="tab">別のタブ</a>';
    // Whether a click got past the guard (which listens first, capturing) to where the page would follow the link; then it is not followed here.
    let followed = false;
    document.addEventListener('click', (event) => {
      followed = !event.defaultPrevented;
      event.preventDefault();
    });
    const click = (selector: string) => {
      followed = false;
      document.querySelector(selector)!.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
      return !followed;
    };
    const confirm = vi.fn(() => false);
    vi.stubGlobal('confirm', confirm);
    expect(click('#inside span')).toBe(true);
    expect(confirm).toHaveBeenCalledExactlyOnceWith('保存されていない変更があります。このページを離れると失われます。移動しますか?');
    confirm.mockReturnValue(true);
    expect(click('#inside')).toBe(false);
    // A new tab leaves this one as it is: nothing to ask.
    expect(click('#tab')).toBe(false);
    expect(confirm).toHaveBeenCalledTimes(2);
  });

  it('arms in the editor when text is typed and disarms once it is saved', async () => {
    stubNetwork(storesIt(4));
    const { result } = renderHook(() => useEditor());
    expect(leaveIsQuestioned()).toBe(false);
    act(() => result.current.form.update('headline', '港の再開発、来春に着工へ'));
    expect(leaveIsQuestioned()).toBe(true);
    await act(() => result.current.commands.saveNow());
    expect(result.current.commands.message).toBe('保存しました(11:05)');
    expect(leaveIsQuestioned()).toBe(false);
  });
});

describe('useArticleCommands', () => {
  it('keeps a 409’s other version as the conflict, with no error line and the form as typed', async () => {
    stubNetwork(() => json(409, { error: 'ほかの編集者が先に保存しました。', conflict: CONFLICT }));
    const { result } = renderHook(() => useEditor());
    act(() => result.current.form.update('body', '加筆した本文。'));
    await act(() => result.current.commands.saveNow());
    expect(result.current.commands.conflict).toEqual(CONFLICT);
    expect(result.current.commands.error).toBeNull();
    expect(result.current.commands.article.revision).toBe(3);
    expect(result.current.form.draft.body).toBe('加筆した本文。');
    expect(result.current.form.dirty).toBe(true);
  });

  it('shows a refusal in the server’s own Japanese words, and the fallback when it gave none', async () => {
    const refusal = 'この記事を公開する権限がありません。';
    stubNetwork(() => json(403, { error: refusal }));
    vi.stubGlobal('confirm', () => true);
    const { result } = renderHook(() => useEditor());
    await act(() => result.current.commands.publish());
    expect(result.current.commands.error).toBe(refusal);
    expect(result.current.commands.conflict).toBeNull();
    expect(result.current.commands.busy).toBe(false);
    expect(result.current.commands.message).toBeNull();

    stubNetwork(() => new Response('<html>Bad Gateway</html>', { status: 502 }));
    await act(() => result.current.commands.saveNow());
    expect(result.current.commands.error).toBe('処理できませんでした(502)。');
  });

  it('says so in Japanese when the request got no answer at all', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    const { result } = renderHook(() => useEditor());
    await act(() => result.current.commands.saveNow());
    expect(result.current.commands.error).toBe(NETWORK_ERROR);
  });

  it('publishes the form against its revision only after the editor confirms', async () => {
    const sent = stubNetwork((request) => json(200, { article: { ...toArticle(request.body.draft as ArticleDraft, 4, 'published'), publishedAt: '2026-12-06T03:00:00.000Z' }, removedFromBody: 0 }));
    const confirm = vi.fn(() => false);
    vi.stubGlobal('confirm', confirm);
    const { result } = renderHook(() => useEditor());
    await act(() => result.current.commands.publish());
    expect(confirm).toHaveBeenCalledExactlyOnceWith('この記事を今すぐ公開しますか?');
    expect(sent).toEqual([]);

    confirm.mockReturnValue(true);
    await act(() => result.current.commands.publish());
    expect(sent).toEqual([{ path: `/api/newsroom/articles/${ID}/publish`, method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': CSRF }, body: { draft: LOADED, baseRevision: 3 } }]);
    expect(result.current.commands.article.status).toBe('published');
    expect(result.current.commands.message).toBe('公開しました(11:05)');
  });

  it('creates a new article once when an autosave and a click both make the first save', async () => {
    let answer: (response: Response) => void = () => {};
    const sent = stubNetwork(() => new Promise<Response>((resolve) => (answer = resolve)));
    const { result } = renderHook(() => useEditor({ initial: toArticle(emptyDraft('world'), 1), isNew: true }));
    act(() => result.current.form.update('headline', '新しい記事'));
    await pass(5_000);
    let click: Promise<void> = Promise.resolve();
    act(() => {
      click = result.current.commands.saveNow();
    });
    await pass(0);
    expect(sent).toEqual([
      { path: '/api/newsroom/articles', method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': CSRF }, body: { id: ID, kind: 'article', draft: { ...emptyDraft('world'), headline: '新しい記事' }, autosave: true } },
    ]);
    await act(async () => {
      answer(storesIt(1)(sent[0]!));
      await click;
    });
    expect(sent).toHaveLength(1);
    expect(result.current.commands.stored).toBe(true);
    expect(window.location.pathname).toBe(`/newsroom/articles/${ID}`);
  });
});

describe('useDraft across a save', () => {
  it('takes the stored copy when nothing was typed meanwhile: what the server cleaned is what the form shows', async () => {
    const cleaned = '市は計画を見直した。';
    stubNetwork((request) => json(200, { article: toArticle({ ...(request.body.draft as ArticleDraft), body: cleaned }, 4), removedFromBody: 1 }));
    const { result } = renderHook(() => useEditor());
    act(() => result.current.form.update('body', '市は計画を見直した。<script>alert(1)</script>'));
    await act(() => result.current.commands.saveNow());
    expect(result.current.form.draft.body).toBe(cleaned);
    expect(result.current.form.dirty).toBe(false);
    expect(result.current.commands.message).toBe('保存しました(11:05)');
    // An autosave that removed something says so, instead of 自動保存しました.
    act(() => result.current.form.update('body', `${cleaned}<b>太字</b>`));
    await pass(5_000);
    expect(result.current.commands.message).toBe(REMOVED_FROM_BODY);
  });

  it('keeps what was typed while the save was in flight, and still counts it unsaved', async () => {
    let answer: (response: Response) => void = () => {};
    const sent = stubNetwork(() => new Promise<Response>((resolve) => (answer = resolve)));
    const { result } = renderHook(() => useEditor());
    act(() => result.current.form.update('body', '送った本文。'));
    let saving: Promise<void> = Promise.resolve();
    act(() => {
      saving = result.current.commands.saveNow();
    });
    await pass(0);
    act(() => result.current.form.update('body', '送った本文。そのあと書き足した。'));
    await act(async () => {
      answer(storesIt(4)(sent[0]!));
      await saving;
    });
    expect(result.current.form.draft.body).toBe('送った本文。そのあと書き足した。');
    expect(result.current.form.dirty).toBe(true);
    expect(result.current.commands.article.revision).toBe(4);
  });

  it('on a rebase keeps the form and compares it with what the server holds now', () => {
    const { result } = renderHook(() => useDraft(LOADED));
    act(() => result.current.update('headline', theirs.headline));
    expect(result.current.dirty).toBe(true);
    act(() => result.current.rebase(theirs));
    expect(result.current.draft).toEqual(theirs);
    expect(result.current.dirty).toBe(false);
    act(() => result.current.rebase(LOADED));
    expect(result.current.draft).toEqual(theirs);
    expect(result.current.dirty).toBe(true);
  });
});

describe('useLivePreview', () => {
  const options = (draft: ArticleDraft, renderPreview: RenderPreview) => ({
    renderPreview,
    csrfToken: CSRF,
    articleId: ID,
    draft,
    republishKind: null,
    notice: '',
    initialPreview: '保存された版',
    initialPages: 1,
  });

  it('renders the form 400 ms after the last change, once', async () => {
    const renderPreview = vi.fn<RenderPreview>(async (_token, _id, draft) => ({ ok: true, node: draft.body, pages: 2 }));
    const { result, rerender } = renderHook(({ draft }) => useLivePreview(options(draft, renderPreview)), { initialProps: { draft: LOADED } });
    await pass(400);
    renderPreview.mockClear();
    rerender({ draft: { ...LOADED, body: '一' } });
    await pass(300);
    rerender({ draft: { ...LOADED, body: '一二' } });
    await pass(399);
    expect(renderPreview).not.toHaveBeenCalled();
    expect(result.current.preview.node).toBe(LOADED.body);
    await pass(1);
    expect(renderPreview).toHaveBeenCalledExactlyOnceWith(CSRF, ID, { ...LOADED, body: '一二' }, 1, null);
    expect(result.current.preview).toEqual({ node: '一二', pages: 2 });
  });

  it('drops an answer overtaken by a newer request, and says when it could not render', async () => {
    const answers: ((node: string) => void)[] = [];
    const renderPreview = vi.fn<RenderPreview>(() => new Promise((resolve) => answers.push((node) => resolve({ ok: true, node, pages: 1 }))));
    const { result, rerender } = renderHook(({ draft }) => useLivePreview(options(draft, renderPreview)), { initialProps: { draft: LOADED } });
    await pass(400);
    rerender({ draft: { ...LOADED, body: '新しい本文' } });
    await pass(400);
    expect(answers).toHaveLength(2);
    await act(async () => answers[1]!('新しい本文'));
    await act(async () => answers[0]!('古い本文'));
    expect(result.current.preview.node).toBe('新しい本文');

    renderPreview.mockRejectedValue(new Error('the action failed'));
    rerender({ draft: { ...LOADED, body: '三つ目' } });
    await pass(400);
    expect(result.current.error).toBe('プレビューを更新できませんでした。');
    expect(result.current.preview.node).toBe('新しい本文');
  });
});
