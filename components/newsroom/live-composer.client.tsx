'use client';
// Client: the live page's composer posts with Ctrl+Enter and pins, edits, deletes and ends in place, without leaving the page.

import { useRouter } from 'next/navigation';
import { useState, type KeyboardEvent } from 'react';
import { formatJstTime, formatShortDate } from '@/lib/time/jst';
import { sendJson } from './send-json';
import { InsertPicture } from './insert-picture.client';

/** A post as the composer lists it (lib/live listLivePostsForNewsroom). */
export type ComposerPost = { id: string; postedAt: string; headline: string | null; body: string; pinned: boolean; editedAt: string | null; editorId: string | null; author: string | null };

type LiveComposerProps = {
  articleId: string;
  csrfToken: string;
  posts: ComposerPost[];
  ended: boolean;
  editorId: string;
  /** デスク and 管理者 pin, end, and change anyone's posts; a 記者 only their own (ADR 0036). */
  isDesk: boolean;
};

type Sent = { ok: true } | { ok: false; error: string };

export function LiveComposer({ articleId, csrfToken, posts, ended, editorId, isDesk }: LiveComposerProps) {
  const router = useRouter();
  const [headline, setHeadline] = useState('');
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ id: string; headline: string; body: string } | null>(null);

  async function send(command: string, input: object = {}): Promise<Sent> {
    setBusy(true);
    setError(null);
    const failed = '送信できませんでした。接続を確かめてもう一度お試しください。';
    const answer = await sendJson(`/api/newsroom/articles/${articleId}/live/${command}`, csrfToken, input, { offline: failed, refused: () => failed });
    setBusy(false);
    if (!answer.ok) {
      setError(answer.error);
      return { ok: false, error: answer.error };
    }
    router.refresh();
    return { ok: true };
  }

  async function post() {
    if (!body.trim() || busy) return;
    const sent = await send('post', { headline: headline || null, body });
    // What was typed stays in the box when the post did not go out.
    if (sent.ok) {
      setHeadline('');
      setBody('');
    }
  }

  async function saveEdit() {
    if (!editing) return;
    const sent = await send('edit', { postId: editing.id, headline: editing.headline || null, body: editing.body });
    if (sent.ok) setEditing(null);
  }

  const postedLabel = (iso: string) => `${formatShortDate(iso)} ${formatJstTime(iso)}`;

  return (
    <div className="mt-6 space-y-6">
      {error && (
        <p role="alert" className="rounded border border-brand px-3 py-2 text-sm text-brand-dark">
          {error}
        </p>
      )}
      {ended ? (
        <p className="rounded border border-rule px-3 py-2 text-sm font-bold" data-testid="live-ended">
          このライブ配信は終了しました。投稿はできません。
        </p>
      ) : (
        <form
          className="space-y-2"
          onSubmit={(e) => {
            e.preventDefault();
            void post();
          }}
        >
          <label className="block text-sm font-bold">
            見出し(任意)
            <input value={headline} onChange={(e) => setHeadline(e.target.value)} maxLength={80} className="mt-1 block w-full rounded border border-rule px-2 py-1 font-normal" />
          </label>
          <label className="block text-sm font-bold">
            投稿
            <textarea
              value={body}
              onChange={(e) => setBody(e.target.value)}
              onKeyDown={onCtrlEnter(post)}
              rows={5}
              maxLength={4000}
              className="mt-1 block w-full rounded border border-rule px-2 py-1 font-normal"
              id="live-composer-body"
              data-testid="live-composer-body"
            />
          </label>
          {/* A picture in a post: the article editor's library dialog, its `::figure` line put at the cursor (ADR 0046). */}
          <div className="pt-3">
            <InsertPicture bodyId="live-composer-body" body={body} csrfToken={csrfToken} disabled={busy} onInsert={setBody} />
          </div>
          <p className="flex items-center gap-3">
            <button type="submit" disabled={busy || !body.trim()} className="rounded bg-brand px-4 py-1.5 font-bold text-white disabled:opacity-50">
              投稿する
            </button>
            <span className="text-xs text-muted">Ctrl+Enter(Macは⌘+Enter)でも投稿できます。X・YouTubeのURLだけの行は埋め込みになります。</span>
          </p>
        </form>
      )}

      <section aria-labelledby="live-posts-heading">
        <h2 id="live-posts-heading" className="text-lg font-bold">
          投稿 {posts.length}件
        </h2>
        <ol className="mt-2 space-y-3">
          {posts.map((p) => {
            const mayChange = isDesk || p.editorId === editorId;
            return (
              <li key={p.id} className="rounded border border-rule p-3" data-testid="composer-post">
                <p className="flex flex-wrap items-baseline gap-2 text-sm">
                  <span className="font-bold tabular-nums">{postedLabel(p.postedAt)}</span>
                  {p.pinned && <span className="rounded bg-brand px-1.5 text-xs text-white">要点</span>}
                  {p.editedAt && <span className="text-xs text-muted">修正済み</span>}
                  <span className="text-xs text-muted">{p.author ?? '(削除されたアカウント)'}</span>
                </p>
                {editing?.id === p.id ? (
                  <div className="mt-2 space-y-2">
                    <input
                      aria-label="見出し"
                      value={editing.headline}
                      onChange={(e) => setEditing({ ...editing, headline: e.target.value })}
                      maxLength={80}
                      className="block w-full rounded border border-rule px-2 py-1"
                    />
                    <textarea
                      aria-label="本文"
                      value={editing.body}
                      onChange={(e) => setEditing({ ...editing, body: e.target.value })}
                      onKeyDown={onCtrlEnter(saveEdit)}
                      rows={4}
                      maxLength={4000}
                      className="block w-full rounded border border-rule px-2 py-1"
                    />
                    <p className="flex gap-2 text-sm">
                      <button type="button" disabled={busy} onClick={() => void saveEdit()} className="rounded bg-brand px-3 py-1 text-white disabled:opacity-50">
                        修正を保存
                      </button>
                      <button type="button" onClick={() => setEditing(null)} className="rounded border border-ink px-3 py-1">
                        やめる
                      </button>
                    </p>
                  </div>
                ) : (
                  <>
                    {p.headline && <p className="mt-1 font-bold">{p.headline}</p>}
                    <p className="mt-1 text-sm break-words whitespace-pre-line">{p.body}</p>
                  </>
                )}
                <p className="mt-2 flex flex-wrap gap-2 text-sm">
                  {isDesk && (
                    <button type="button" disabled={busy} onClick={() => void send(p.pinned ? 'unpin' : 'pin', { postId: p.id })} className="rounded border border-ink px-2 py-0.5 disabled:opacity-50">
                      {p.pinned ? '要点から外す' : '要点にする'}
                    </button>
                  )}
                  {mayChange && editing?.id !== p.id && (
                    <button type="button" disabled={busy} onClick={() => setEditing({ id: p.id, headline: p.headline ?? '', body: p.body })} className="rounded border border-ink px-2 py-0.5 disabled:opacity-50">
                      修正
                    </button>
                  )}
                  {mayChange && (
                    <button
                      type="button"
                      disabled={busy}
                      onClick={() => {
                        if (window.confirm('この投稿を削除しますか?読者のページからも消えます。')) void send('delete', { postId: p.id });
                      }}
                      className="rounded border border-brand px-2 py-0.5 text-brand-dark disabled:opacity-50"
                    >
                      削除
                    </button>
                  )}
                </p>
              </li>
            );
          })}
        </ol>
      </section>

      {isDesk && !ended && (
        <p>
          <button
            type="button"
            disabled={busy}
            onClick={() => {
              if (window.confirm('ライブ配信を終了しますか?読者のページに「このライブ配信は終了しました」と表示され、投稿できなくなります。')) void send('end');
            }}
            className="rounded border border-ink px-4 py-1.5 font-bold disabled:opacity-50"
          >
            ライブ配信を終了
          </button>
        </p>
      )}
    </div>
  );
}

/** Ctrl+Enter (⌘+Enter on a Mac) in a text box runs `action`, as the composer's hint says. */
function onCtrlEnter(action: () => Promise<void>) {
  return (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void action();
    }
  };
}
