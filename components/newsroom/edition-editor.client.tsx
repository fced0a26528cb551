'use client';
// Client: the editor picks and orders articles in place, saves without leaving the page, and confirms a send in a second step.

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { decideSendProblems, EDITION_LIMITS, type Edition, type EditionArticle } from '@/lib/newsletter/edition-rules';
import { OrderedArticleFinder, OrderedArticleList } from './article-picker.client';
import { CharCount } from './char-count';
import { SaveStatus } from './save-status';
import { sendJson } from './send-json';

type EditionEditorProps = {
  /** The saved draft; null for a new edition, saved for the first time by 保存. */
  edition: Pick<Edition, 'id' | 'subject' | 'intro' | 'revision' | 'articles'> | null;
  candidates: EditionArticle[];
  /** How many confirmed subscribers a send would reach now. */
  confirmedSubscribers: number;
  /** デスク and 管理者 (lib/newsroom/roles.ts canSendEdition); a 記者 drafts. */
  canSend: boolean;
  csrfToken: string;
};

const NETWORK_ERROR = '通信できませんでした。通信状況を確かめて、もう一度お試しください(入力した内容はこの画面に残っています)。';

/** The chosen articles' and the picker's buttons and filter (article-picker.client.tsx). */
const ID_PREFIX = 'ed';

type Draft = { subject: string; intro: string; articles: EditionArticle[] };

function toKey(draft: Draft): string {
  return JSON.stringify([draft.subject, draft.intro, draft.articles.map((a) => a.id)]);
}


export function EditionEditor({ edition, candidates, confirmedSubscribers, canSend, csrfToken }: EditionEditorProps) {
  const router = useRouter();
  const saved: Draft = { subject: edition?.subject ?? '', intro: edition?.intro ?? '', articles: edition?.articles ?? [] };
  const savedKey = `${edition?.id ?? 'new'}:${edition?.revision ?? 0}:${toKey(saved)}`;
  const [draft, setDraft] = useState<Draft>(saved);
  const [draftOf, setDraftOf] = useState(savedKey);
  const [busy, setBusy] = useState<'save' | 'send' | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [error, setError] = useState<string | null>(null);

  // A save or a refresh brings the stored edition: start from it.
  if (draftOf !== savedKey) {
    setDraftOf(savedKey);
    setDraft(saved);
  }

  const dirty = edition === null ? toKey(draft) !== toKey({ subject: '', intro: '', articles: [] }) : toKey(draft) !== toKey(saved);
  const problems = decideSendProblems(draft);

  function change(next: Partial<Draft>, message = '') {
    setDraft((d) => ({ ...d, ...next }));
    setConfirming(false);
    setError(null);
    if (message) setAnnouncement(message);
  }

  async function save() {
    setBusy('save');
    setError(null);
    const body = { subject: draft.subject, intro: draft.intro, articleIds: draft.articles.map((a) => a.id) };
    const refusal = { offline: NETWORK_ERROR, refused: () => '保存できませんでした。' };
    const answer = edition
      ? await sendJson(`/api/newsroom/editions/${edition.id}`, csrfToken, { ...body, baseRevision: edition.revision }, { ...refusal, method: 'PUT' })
      : await sendJson('/api/newsroom/editions', csrfToken, body, refusal);
    setBusy(null);
    if (!answer.ok) {
      setError(answer.error);
      return;
    }
    setAnnouncement('保存しました。');
    if (!edition && typeof answer.body.id === 'string') router.replace(`/newsroom/editions/${answer.body.id}`);
    else router.refresh();
  }

  async function send() {
    if (!edition) return;
    setBusy('send');
    setError(null);
    const answer = await sendJson(`/api/newsroom/editions/${edition.id}/send`, csrfToken, { revision: edition.revision }, { offline: NETWORK_ERROR, refused: () => '送信できませんでした。' });
    setBusy(null);
    setConfirming(false);
    if (!answer.ok) {
      setError(answer.error);
      return;
    }
    setAnnouncement(`${String(answer.body.recipients)}人への送信を受け付けました。`);
    router.refresh();
  }

  const field = 'mt-1 block w-full rounded border border-rule bg-white px-2 py-1.5';
  const subjectCount = [...draft.subject.trim()].length;
  const introCount = [...draft.intro.trim()].length;

  return (
    // On a phone the save and send panel comes after the chosen articles, before the long picker; beside them on a desk.
    <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,22rem)]">
      <section aria-labelledby="ed-content-heading" className="rounded border border-rule bg-white p-4 lg:col-start-1">
        <h2 id="ed-content-heading" className="text-lg font-bold">
          件名とはじめの文章
        </h2>
        <label className="mt-3 block text-sm">
          <span className="block font-semibold">件名</span>
          <input
            value={draft.subject}
            onChange={(e) => change({ subject: e.target.value })}
            aria-describedby="ed-subject-count"
            aria-invalid={subjectCount > EDITION_LIMITS.subject || undefined}
            className={field}
          />
        </label>
        <CharCount id="ed-subject-count" field="edition-subject" count={subjectCount} limit={EDITION_LIMITS.subject} />
        <label className="mt-2 block text-sm">
          <span className="block font-semibold">はじめの文章</span>
          <span className="block text-xs text-muted">メールの冒頭に載ります。空行で段落が分かれます。書式は使えません。</span>
          <textarea
            value={draft.intro}
            onChange={(e) => change({ intro: e.target.value })}
            rows={6}
            aria-describedby="ed-intro-count"
            aria-invalid={introCount > EDITION_LIMITS.intro || undefined}
            className={field}
          />
        </label>
        <CharCount id="ed-intro-count" field="edition-intro" count={introCount} limit={EDITION_LIMITS.intro} />
      </section>

      <section aria-labelledby="ed-articles-heading" className="rounded border border-rule bg-white p-4 lg:col-start-1">
        <h2 id="ed-articles-heading" className="text-lg font-bold">
          載せる記事({draft.articles.length}/{EDITION_LIMITS.articles}本)
        </h2>
        <OrderedArticleList
          idPrefix={ID_PREFIX}
          articles={draft.articles}
          listName={null}
          onChange={(articles, message) => change({ articles }, message)}
          testId="edition-articles"
          renderArticle={(article) => (
            <span className="min-w-0 flex-1">
              <span className="block font-medium [overflow-wrap:anywhere]">{article.headline}</span>
              {article.standfirst && <span className="mt-0.5 block text-sm text-muted [overflow-wrap:anywhere]">{article.standfirst}</span>}
              <Link href={article.path} target="_blank" className="text-xs text-link underline">
                {article.path}
              </Link>
              {!article.visible && <span className="mt-1 block text-sm text-brand-dark">公開中ではないため送れません。外してください。</span>}
            </span>
          )}
        />
      </section>

      <aside className="space-y-4 lg:sticky lg:top-4 lg:col-start-2 lg:row-span-3 lg:row-start-1">
        <section aria-labelledby="ed-save-heading" className="rounded border border-rule bg-white p-4">
          <h2 id="ed-save-heading" className="text-lg font-bold">
            保存と確認
          </h2>
          <div className="mt-3 flex flex-wrap items-center gap-3">
            <button type="button" onClick={() => void save()} disabled={busy !== null || !dirty} className="rounded bg-brand px-4 py-2 text-sm font-bold text-white disabled:opacity-50">
              {busy === 'save' ? '保存中…' : '保存'}
            </button>
            {dirty && <span className="text-sm text-muted">未保存の変更があります。</span>}
          </div>
          {edition ? (
            <p className="mt-3 text-sm">
              <Link href={`/newsroom/editions/${edition.id}/mail`} className="font-semibold text-link underline">
                メールで確認
              </Link>
              <span className="block text-xs text-muted">保存した内容を、購読者に届くメールのとおりに表示します。{dirty && '未保存の変更は表示されません。'}</span>
            </p>
          ) : (
            <p className="mt-3 text-xs text-muted">保存すると、メールでの見え方を確認できます。</p>
          )}
          <SaveStatus announcement={announcement} error={error} />
        </section>

        <section aria-labelledby="ed-send-heading" className="rounded border border-rule bg-white p-4">
          <h2 id="ed-send-heading" className="text-lg font-bold">
            送信
          </h2>
          <p className="mt-1 text-sm">
            確認済みの購読者: <strong data-testid="confirmed-subscribers">{confirmedSubscribers}</strong>人
          </p>
          {problems.length > 0 && (
            <div className="mt-2 text-sm">
              <p className="font-semibold">送信する前に:</p>
              <ul className="mt-1 list-disc space-y-1 pl-5 text-brand-dark" data-testid="edition-problems">
                {problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </div>
          )}
          {!canSend ? (
            <p className="mt-2 text-sm text-muted">送信はデスクと管理者が行います。保存して、デスクに依頼してください。</p>
          ) : !edition || dirty ? (
            <p className="mt-2 text-sm text-muted">送信するには、先に保存してください。</p>
          ) : confirming ? (
            <div className="mt-3 rounded border border-brand-dark p-3" role="group" aria-labelledby="ed-confirm-text">
              <p id="ed-confirm-text" className="text-sm font-semibold">
                確認済みの購読者{confirmedSubscribers}人に「{draft.subject.trim()}」を送信します。送信後は取り消せません。
              </p>
              <div className="mt-3 flex flex-wrap gap-2">
                <button type="button" onClick={() => void send()} disabled={busy !== null} className="rounded bg-brand px-4 py-2 text-sm font-bold text-white disabled:opacity-50">
                  {busy === 'send' ? '送信中…' : `${confirmedSubscribers}人に送信する`}
                </button>
                <button type="button" onClick={() => setConfirming(false)} disabled={busy !== null} className="rounded border border-ink px-4 py-2 text-sm">
                  やめる
                </button>
              </div>
            </div>
          ) : (
            <button
              type="button"
              onClick={() => setConfirming(true)}
              disabled={problems.length > 0 || confirmedSubscribers === 0 || busy !== null}
              className="mt-3 rounded border-2 border-brand px-4 py-2 text-sm font-bold text-brand-dark disabled:opacity-50"
            >
              送信
            </button>
          )}
        </section>
      </aside>

      <OrderedArticleFinder
        idPrefix={ID_PREFIX}
        articles={draft.articles}
        listName={null}
        onChange={(articles, message) => change({ articles }, message)}
        limit={EDITION_LIMITS.articles}
        headingId="ed-pick-heading"
        title="公開中の記事から選ぶ"
        filterLabel="見出し・リードで絞り込む"
        searchText={(article) => article.standfirst ?? ''}
        source={<>新しい順に{candidates.length}本の公開中の記事から探します。</>}
        emptyText="該当する公開中の記事はありません。"
        testId="edition-candidates"
        candidates={candidates}
        className="lg:col-start-1"
      />
    </div>
  );
}
