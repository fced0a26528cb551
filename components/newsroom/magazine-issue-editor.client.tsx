'use client';
// Client: the desk edits an issue's fields, cover and contents in place, checks them as the server will, and saves without leaving the page.

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { countCharacters } from '@/lib/newsroom/counts';
import {
  decideIssueProblems,
  ISSUE_STANDING_LABELS,
  MAGAZINE_LIMITS,
  type IssueField,
  type IssueStanding,
  type MagazineArticle,
  type MagazineProblem,
} from '@/lib/newsroom/magazine-rules';
import { formatIssueDates, formatJstDate, toJstDay } from '@/lib/time/jst';
import { CharCount } from './char-count';
import { useLeaveGuard } from './editor/use-leave-guard';
import { MagazineArticlePicker, MagazineContents } from './magazine-contents.client';
import { MagazineCoverField } from './magazine-cover-field.client';
import { sendJson } from './send-json';
import type { UploadedPicture } from './upload-picture';

/** The saved issue as the editor starts from it; null for a new one. */
type SavedIssue = {
  slug: string;
  issueDate: string;
  onSaleDate: string;
  featureTitle: string;
  blurb: string;
  cover: UploadedPicture;
  revision: number;
  standing: IssueStanding;
  contents: MagazineArticle[];
};

type MagazineIssueEditorProps = {
  issue: SavedIssue | null;
  /** The dates a new issue starts from: a week after the newest. */
  next: { issueDate: string; onSaleDate: string };
  candidates: MagazineArticle[];
  csrfToken: string;
};

type Draft = { issueDate: string; onSaleDate: string; featureTitle: string; blurb: string; cover: UploadedPicture | null; articles: MagazineArticle[] };

const NETWORK_ERROR = '通信できませんでした。通信状況を確かめて、もう一度お試しください(入力した内容はこの画面に残っています)。';

function toKey(d: Draft): string {
  return JSON.stringify([d.issueDate, d.onSaleDate, d.featureTitle, d.blurb, d.cover?.src ?? null, d.articles.map((a) => a.id)]);
}

const fieldId = (field: IssueField) => `issue-${field}`;

export function MagazineIssueEditor({ issue, next, candidates, csrfToken }: MagazineIssueEditorProps) {
  const router = useRouter();
  const saved: Draft = issue
    ? { issueDate: issue.issueDate, onSaleDate: issue.onSaleDate, featureTitle: issue.featureTitle, blurb: issue.blurb, cover: issue.cover, articles: issue.contents }
    : { issueDate: next.issueDate, onSaleDate: next.onSaleDate, featureTitle: '', blurb: '', cover: null, articles: [] };
  const savedKey = `${issue?.slug ?? 'new'}:${issue?.revision ?? 0}:${toKey(saved)}`;
  const [draft, setDraft] = useState<Draft>(saved);
  const [draftOf, setDraftOf] = useState(savedKey);
  // A refusal without a field (another desk saved first, the issue is gone) is shown in the save box only.
  const [problems, setProblems] = useState<MagazineProblem<IssueField | null>[]>([]);
  const [busy, setBusy] = useState(false);
  const [announcement, setAnnouncement] = useState('');

  // A save or a refresh brings the stored issue: start from it.
  if (draftOf !== savedKey) {
    setDraftOf(savedKey);
    setDraft(saved);
  }

  const dirty = toKey(draft) !== toKey(saved) || issue === null;
  const typed = toKey(draft) !== toKey(saved);
  useLeaveGuard(typed);
  // An issue on sale keeps its address, which is its date (the server refuses a change too).
  const dateLocked = issue !== null && issue.standing !== 'upcoming';
  const problemOf = (field: IssueField) => problems.find((p) => p.field === field)?.message ?? null;

  function change(next: Partial<Draft>, message = '') {
    setDraft((d) => ({ ...d, ...next }));
    setProblems((ps) => ps.filter((p) => !(Object.keys(next) as string[]).some((key) => p.field === key || (key === 'articles' && p.field === 'contents'))));
    if (message) setAnnouncement(message);
  }

  function refuse(found: MagazineProblem<IssueField | null>[]) {
    setProblems(found);
    const first = found[0];
    // After React has drawn the messages: the box to focus may not exist yet.
    if (first) setTimeout(() => document.getElementById(first.field ? fieldId(first.field) : 'issue-save-error')?.focus());
  }

  async function save() {
    const input = {
      issueDate: draft.issueDate,
      onSaleDate: draft.onSaleDate,
      featureTitle: draft.featureTitle,
      blurb: draft.blurb,
      coverSrc: draft.cover?.src ?? null,
      articleIds: draft.articles.map((a) => a.id),
    };
    const found = decideIssueProblems(input);
    if (found.length > 0) return refuse(found);
    setBusy(true);
    setAnnouncement('');
    const options = { offline: NETWORK_ERROR, refused: () => '保存できませんでした。' };
    const answer = issue
      ? await sendJson(`/api/newsroom/magazine/issues/${issue.slug}`, csrfToken, { ...input, baseRevision: issue.revision }, { ...options, method: 'PUT' })
      : await sendJson('/api/newsroom/magazine/issues', csrfToken, input, options);
    setBusy(false);
    if (!answer.ok) {
      const field = typeof answer.body.field === 'string' ? (answer.body.field as IssueField) : null;
      refuse([{ field, message: answer.error }]);
      return;
    }
    const slug = String(answer.body.slug);
    const onSaleToday = draft.onSaleDate <= toJstDay(new Date());
    setAnnouncement(onSaleToday ? '保存しました。読者のページにすぐ反映されます。' : `保存しました。発売日(${formatJstDate(draft.onSaleDate)})から読者に表示されます。`);
    if (!issue || slug !== issue.slug) router.replace(`/newsroom/magazine/issues/${slug}?saved=1`);
    else router.refresh();
  }

  const field = 'mt-1 block w-full rounded border border-rule bg-white px-2 py-1.5 aria-[invalid=true]:border-brand-dark';
  const titleCount = countCharacters(draft.featureTitle.trim());
  const blurbCount = countCharacters(draft.blurb.trim());

  const fieldError = (f: IssueField) =>
    problemOf(f) && (
      <p id={`${fieldId(f)}-error`} className="mt-1 text-sm text-brand-dark">
        {problemOf(f)}
      </p>
    );

  return (
    // On a phone the save box and the cover come after the contents, before the long picker; beside them on a desk.
    <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,22rem)]">
      <section aria-labelledby="issue-fields-heading" className="rounded border border-rule bg-white p-4 lg:col-start-1">
        <h2 id="issue-fields-heading" className="text-lg font-bold">
          号の内容
        </h2>
        <div className="mt-3 grid gap-3 sm:grid-cols-2">
          <label className="block text-sm">
            <span className="block font-semibold">号の日付</span>
            <input
              id={fieldId('issueDate')}
              type="date"
              value={draft.issueDate}
              onChange={(e) => change({ issueDate: e.target.value })}
              readOnly={dateLocked}
              aria-invalid={problemOf('issueDate') ? true : undefined}
              aria-describedby={`${fieldId('issueDate')}-hint${problemOf('issueDate') ? ` ${fieldId('issueDate')}-error` : ''}`}
              className={`${field} read-only:bg-paper`}
            />
            <span id={`${fieldId('issueDate')}-hint`} className="mt-1 block text-xs text-muted">
              {dateLocked ? '発売済みの号の日付(アドレス)は変えられません。' : '「2026年12月15日号」の日付。号のアドレスになります。'}
            </span>
            {fieldError('issueDate')}
          </label>
          <label className="block text-sm">
            <span className="block font-semibold">発売日</span>
            <input
              id={fieldId('onSaleDate')}
              type="date"
              value={draft.onSaleDate}
              onChange={(e) => change({ onSaleDate: e.target.value })}
              aria-invalid={problemOf('onSaleDate') ? true : undefined}
              aria-describedby={`${fieldId('onSaleDate')}-hint${problemOf('onSaleDate') ? ` ${fieldId('onSaleDate')}-error` : ''}`}
              className={field}
            />
            <span id={`${fieldId('onSaleDate')}-hint`} className="mt-1 block text-xs text-muted">
              この日から読者に表示されます。
            </span>
            {fieldError('onSaleDate')}
          </label>
        </div>
        <label className="mt-3 block text-sm">
          <span className="block font-semibold">特集タイトル</span>
          <input
            id={fieldId('featureTitle')}
            value={draft.featureTitle}
            onChange={(e) => change({ featureTitle: e.target.value })}
            aria-invalid={problemOf('featureTitle') || titleCount > MAGAZINE_LIMITS.title ? true : undefined}
            aria-describedby={`issue-title-count${problemOf('featureTitle') ? ` ${fieldId('featureTitle')}-error` : ''}`}
            className={field}
          />
        </label>
        <CharCount id="issue-title-count" field="issue-title" count={titleCount} limit={MAGAZINE_LIMITS.title} />
        {fieldError('featureTitle')}
        <label className="mt-2 block text-sm">
          <span className="block font-semibold">紹介文</span>
          <span className="block text-xs text-muted">号のページとバックナンバー、トップページの「最新号」に載ります。</span>
          <textarea
            id={fieldId('blurb')}
            value={draft.blurb}
            onChange={(e) => change({ blurb: e.target.value })}
            rows={5}
            aria-invalid={problemOf('blurb') || blurbCount > MAGAZINE_LIMITS.blurb ? true : undefined}
            aria-describedby={`issue-blurb-count${problemOf('blurb') ? ` ${fieldId('blurb')}-error` : ''}`}
            className={field}
          />
        </label>
        <CharCount id="issue-blurb-count" field="issue-blurb" count={blurbCount} limit={MAGAZINE_LIMITS.blurb} />
        {fieldError('blurb')}
      </section>

      <div className="lg:col-start-1">
        <MagazineContents id={fieldId('contents')} articles={draft.articles} error={problemOf('contents')} onChange={(articles, message) => change({ articles }, message)} />
      </div>

      <aside className="space-y-4 lg:sticky lg:top-4 lg:col-start-2 lg:row-span-3 lg:row-start-1">
        <section aria-labelledby="issue-save-heading" className="rounded border border-rule bg-white p-4">
          <h2 id="issue-save-heading" className="text-lg font-bold">
            保存
          </h2>
          <p className="mt-1 text-sm" data-testid="issue-standing">
            {issue ? `${formatIssueDates(issue.issueDate, issue.onSaleDate)}・${ISSUE_STANDING_LABELS[issue.standing]}` : '新しい号(まだ保存していません)'}
          </p>
          <div className="mt-3 flex flex-wrap items-center gap-3">
            <button type="button" onClick={() => void save()} disabled={busy || !dirty} className="rounded bg-brand px-4 py-2 text-sm font-bold text-white disabled:opacity-50">
              {busy ? '保存中…' : issue ? '保存' : 'この号を作成'}
            </button>
            {typed && <span className="text-sm text-muted">未保存の変更があります。</span>}
          </div>
          {issue && issue.standing !== 'upcoming' && (
            <p className="mt-2 text-sm">
              <Link href={`/magazine/${issue.slug}`} target="_blank" className="text-link underline">
                読者のページを開く
              </Link>
            </p>
          )}
          <p role="status" className="mt-2 min-h-5 text-sm">
            {announcement}
          </p>
          {problems.length > 0 && (
            <div id="issue-save-error" tabIndex={-1} role="alert" className="mt-2 rounded border border-brand-dark bg-white px-3 py-2 text-sm text-brand-dark" data-testid="issue-problems">
              <p className="font-semibold">保存できませんでした。</p>
              <ul className="mt-1 list-disc space-y-1 pl-5">
                {problems.map((p) => (
                  <li key={`${p.field}:${p.message}`}>{p.message}</li>
                ))}
              </ul>
            </div>
          )}
        </section>
        <MagazineCoverField
          id={fieldId('cover')}
          cover={draft.cover}
          csrfToken={csrfToken}
          error={problemOf('cover')}
          shareCheck
          onChange={(cover) => change({ cover }, '表紙を選びました。')}
        />
      </aside>

      <div className="lg:col-start-1">
        <MagazineArticlePicker articles={draft.articles} candidates={candidates} onChange={(articles, message) => change({ articles }, message)} />
      </div>
    </div>
  );
}
