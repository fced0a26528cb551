import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type { EditionArticle } from '@/lib/newsletter/edition-rules';
import { deskStory } from '@/test/support/desk-articles';
import { EditionEditor } from './edition-editor.client';
import { MagazineIssueEditor } from './magazine-issue-editor.client';
import { MagazinePublicationEditor } from './magazine-publication-editor.client';

vi.mock('next/navigation', () => ({ useRouter: () => ({ refresh: () => undefined, replace: () => undefined }) }));

/**
 * What the desk sees before any click, through the one editor shell and the
 * one ordered picker: each kind's own fields, labels and ids as before (the
 * e2e specs and screen readers find them by these), the save box's words for
 * a new and a stored item, and the pickers' buttons in each list's words.
 */

const COVER = { src: '/media/uploads/2026/12/cover.webp', width: 600, height: 800 };
const story = deskStory;
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const tag = (html: string, attribute: string) => html.match(/<(button|input|textarea)[^>]*>/g)!.find((t) => t.includes(attribute))!;

describe('the magazine desk’s editors', () => {
  const issue = {
    slug: '2026-12-15',
    issueDate: '2026-12-15',
    onSaleDate: '2026-12-08',
    featureTitle: '港町の冬支度',
    blurb: '冬を迎える港町。',
    cover: COVER,
    revision: 3,
    standing: 'current' as const,
    contents: [story('aaaa2345'), story('bbbb2345', { status: 'draft', visible: false })],
  };

  it('shows a stored issue: its fields by their ids, its standing, its contents in order with their buttons, nothing to save yet', () => {
    const html = renderToStaticMarkup(<MagazineIssueEditor issue={issue} next={{ issueDate: '2026-12-22', onSaleDate: '2026-12-15' }} candidates={[story('aaaa2345'), story('cccc2345')]} csrfToken="t" />);
    expect(tag(html, 'id="issue-issueDate"')).toContain('readOnly');
    expect(tag(html, 'id="issue-issueDate"')).toContain('aria-describedby="issue-issueDate-hint"');
    expect(tag(html, 'id="issue-featureTitle"')).toContain('aria-describedby="issue-title-count"');
    expect(tag(html, 'id="issue-blurb"')).toContain('aria-describedby="issue-blurb-count"');
    expect(html).toContain('data-testid="issue-standing"');
    expect(text(html)).toContain('号の内容');
    expect(text(html)).toContain('読者のページを開く');
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*>保存<\/button>/);
    const contents = /data-testid="magazine-contents"[\s\S]*?<\/ol>/.exec(html)![0];
    expect(text(contents)).toMatch(/1 見出しaaaa2345 .*2 見出しbbbb2345 .*下書き・公開されるまで読者には表示されません/);
    expect(tag(html, 'id="magazine-up-aaaa2345"')).toContain('disabled=""');
    expect(tag(html, 'id="magazine-down-bbbb2345"')).toContain('disabled=""');
    expect(tag(html, 'aria-label="「見出しbbbb2345」を外す"')).toContain('id="magazine-remove-bbbb2345"');
    // The picker: what is in the contents already cannot be added twice.
    expect(tag(html, 'aria-label="「見出しaaaa2345」を目次に加える"')).toContain('disabled=""');
    expect(tag(html, 'aria-label="「見出しcccc2345」を目次に加える"')).not.toContain('disabled=""');
    expect(text(html)).toContain('目次に掲載中');
    expect(tag(html, 'id="magazine-filter"')).toContain('type="search"');
  });

  it('offers a new issue and a new publication to create, with their own words', () => {
    const newIssue = renderToStaticMarkup(<MagazineIssueEditor issue={null} next={{ issueDate: '2026-12-22', onSaleDate: '2026-12-15' }} candidates={[]} csrfToken="t" />);
    expect(newIssue).toMatch(/<button[^>]*>この号を作成<\/button>/);
    expect(text(newIssue)).toContain('新しい号(まだ保存していません)');
    expect(text(newIssue)).toContain('まだ記事がありません。下の一覧から加えてください。');
    expect(text(newIssue)).toContain('該当する記事はありません。');
    const newPublication = renderToStaticMarkup(<MagazinePublicationEditor publication={null} csrfToken="t" />);
    expect(newPublication).toMatch(/<button[^>]*>作成<\/button>/);
    expect(text(newPublication)).toContain('別冊・ムックの内容');
    expect(tag(newPublication, 'id="publication-title"')).toContain('aria-describedby="publication-title-count"');
    expect(tag(newPublication, 'id="publication-onSaleDate"')).toContain('aria-describedby="publication-date-hint"');
    expect(tag(newPublication, 'id="publication-priceYen"')).toContain('placeholder="1650"');
    // A publication has no contents, no standing and no reader link.
    expect(newPublication).not.toContain('magazine-contents');
    expect(newPublication).not.toContain('issue-standing');
  });

  it('shows a stored publication with its price as typed and nothing to save yet', () => {
    const html = renderToStaticMarkup(
      <MagazinePublicationEditor
        publication={{ slug: 'p-0123456789', title: '冬の旅ガイド', kind: 'special', onSaleDate: '2026-12-01', onSale: true, priceYen: 1650, blurb: '雪の温泉地。', cover: COVER, revision: 2 }}
        csrfToken="t"
      />,
    );
    expect(tag(html, 'id="publication-priceYen"')).toContain('value="1650"');
    expect(tag(html, 'value="special"')).toContain('checked=""');
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*>保存<\/button>/);
  });
});

describe('the edition editor’s picker', () => {
  const edition = (id: string, overrides: Partial<EditionArticle> = {}): EditionArticle => ({ ...story(id), standfirst: `リード${id}`, path: `/articles/${id}`, ...overrides });

  it('keeps its own words: 「…」を加える, 掲載中, the standfirst and the path', () => {
    const html = renderToStaticMarkup(
      <EditionEditor
        edition={{ id: 'e'.repeat(16), subject: '件名', intro: '', revision: 1, articles: [edition('aaaa2345')] }}
        candidates={[edition('aaaa2345'), edition('cccc2345')]}
        confirmedSubscribers={3}
        canSend
        csrfToken="t"
      />,
    );
    const chosen = /data-testid="edition-articles"[\s\S]*?<\/ol>/.exec(html)![0];
    expect(text(chosen)).toContain('見出しaaaa2345 リードaaaa2345 /articles/aaaa2345');
    expect(tag(html, 'aria-label="「見出しaaaa2345」を加える"')).toContain('disabled=""');
    expect(tag(html, 'aria-label="「見出しcccc2345」を加える"')).not.toContain('disabled=""');
    expect(text(html)).toContain('見出し・リードで絞り込む');
    expect(text(html)).toContain('新しい順に2本の公開中の記事から探します。');
    expect(text(html)).toContain(' ・ 掲載中');
    expect(tag(html, 'id="ed-up-aaaa2345"')).toContain('disabled=""');
  });
});
