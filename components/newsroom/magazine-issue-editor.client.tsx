'use client';
// Client: the desk edits an issue's fields, cover and contents in place, checks them as the server will, and saves without leaving the page.

import Link from 'next/link';
import {
  decideIssueProblems,
  ISSUE_STANDING_LABELS,
  MAGAZINE_LIMITS,
  type IssueField,
  type IssueInput,
  type IssueStanding,
  type MagazineArticle,
} from '@/lib/newsroom/magazine-rules';
import { formatIssueDates } from '@/lib/time/jst';
import { MagazineArticlePicker, MagazineContents } from './magazine-contents.client';
import { MAGAZINE_FIELD_CLASS, MagazineEditorFrame, MagazineField, useMagazineForm, type MagazineFormKind } from './magazine-editor.client';
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

const ISSUE: MagazineFormKind<Draft, IssueField, IssueInput> = {
  prefix: 'issue',
  api: '/api/newsroom/magazine/issues',
  page: '/newsroom/magazine/issues',
  toKey: (d) => JSON.stringify([d.issueDate, d.onSaleDate, d.featureTitle, d.blurb, d.cover?.src ?? null, d.articles.map((a) => a.id)]),
  toInput: (d) => ({
    issueDate: d.issueDate,
    onSaleDate: d.onSaleDate,
    featureTitle: d.featureTitle,
    blurb: d.blurb,
    coverSrc: d.cover?.src ?? null,
    articleIds: d.articles.map((a) => a.id),
  }),
  decideProblems: decideIssueProblems,
  fieldOf: (key) => (key === 'articles' ? 'contents' : key),
};

export function MagazineIssueEditor({ issue, next, candidates, csrfToken }: MagazineIssueEditorProps) {
  const start: Draft = issue
    ? { issueDate: issue.issueDate, onSaleDate: issue.onSaleDate, featureTitle: issue.featureTitle, blurb: issue.blurb, cover: issue.cover, articles: issue.contents }
    : { issueDate: next.issueDate, onSaleDate: next.onSaleDate, featureTitle: '', blurb: '', cover: null, articles: [] };
  const form = useMagazineForm({ kind: ISSUE, stored: issue, start, csrfToken });
  const { draft, change, problemOf, fieldId } = form;
  // An issue on sale keeps its address, which is its date (the server refuses a change too).
  const dateLocked = issue !== null && issue.standing !== 'upcoming';
  const onChangeArticles = (articles: MagazineArticle[], message: string) => change({ articles }, message);

  return (
    <MagazineEditorFrame
      form={form}
      title="号の内容"
      createLabel="この号を作成"
      standing={
        <p className="mt-1 text-sm" data-testid="issue-standing">
          {issue ? `${formatIssueDates(issue.issueDate, issue.onSaleDate)}・${ISSUE_STANDING_LABELS[issue.standing]}` : '新しい号(まだ保存していません)'}
        </p>
      }
      links={
        issue &&
        issue.standing !== 'upcoming' && (
          <p className="mt-2 text-sm">
            <Link href={`/magazine/${issue.slug}`} target="_blank" className="text-link underline">
              読者のページを開く
            </Link>
          </p>
        )
      }
      cover={{ id: fieldId('cover'), shareCheck: true, csrfToken, announcement: '表紙を選びました。' }}
      more={{
        first: <MagazineContents id={fieldId('contents')} articles={draft.articles} error={problemOf('contents')} onChange={onChangeArticles} />,
        last: <MagazineArticlePicker articles={draft.articles} candidates={candidates} onChange={onChangeArticles} />,
      }}
    >
      <div className="mt-3 grid gap-3 sm:grid-cols-2">
        <MagazineField
          form={form}
          name="issueDate"
          label="号の日付"
          className="block text-sm"
          type="date"
          readOnly={dateLocked}
          inputClassName={`${MAGAZINE_FIELD_CLASS} read-only:bg-paper`}
          hint={{
            id: `${fieldId('issueDate')}-hint`,
            text: dateLocked ? '発売済みの号の日付(アドレス)は変えられません。' : '「2026年12月15日号」の日付。号のアドレスになります。',
          }}
        />
        <MagazineField form={form} name="onSaleDate" label="発売日" className="block text-sm" type="date" hint={{ id: `${fieldId('onSaleDate')}-hint`, text: 'この日から読者に表示されます。' }} />
      </div>
      <MagazineField form={form} name="featureTitle" label="特集タイトル" className="mt-3 block text-sm" count={{ name: 'title', limit: MAGAZINE_LIMITS.title }} />
      <MagazineField
        form={form}
        name="blurb"
        label="紹介文"
        className="mt-2 block text-sm"
        type="textarea"
        note="号のページとバックナンバー、トップページの「最新号」に載ります。"
        count={{ name: 'blurb', limit: MAGAZINE_LIMITS.blurb }}
      />
    </MagazineEditorFrame>
  );
}
