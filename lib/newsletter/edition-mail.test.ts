import { describe, expect, it } from 'vitest';
import { decideSendProblems } from './edition-rules';
import { buildNewsletterLinks, editionMail, splitParagraphs } from './templates';

/** An edition's mail as a subscriber gets it: headers, both parts, absolute links, escaping. */

const SITE = 'https://kiji.example';
const links = buildNewsletterLinks(SITE, { unsubscribe: 'sub1.signature' });
const edition = {
  subject: '今週の Kiji:選挙と<b>物価</b>',
  intro: '読者のみなさま、こんにちは。\n今週の話題です。\n\n二段落目は & と "引用" を含みます。',
  articles: [
    { headline: '物価<script>alert(1)</script>が上昇 & "速報"', standfirst: '総務省が発表した。', url: `${SITE}/articles/abcd2345` },
    { headline: '選挙の行方', standfirst: null, url: `${SITE}/articles/efgh2345` },
  ],
};

describe('the edition mail', () => {
  const mail = editionMail(edition, links);

  it('carries the RFC 8058 one-click headers with the subscriber’s own signed link', () => {
    expect(mail.kind).toBe('edition');
    expect(mail.subject).toBe(edition.subject);
    expect(mail.headers).toEqual({
      'List-Unsubscribe': `<${SITE}/api/newsletter/unsubscribe?token=sub1.signature>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
  });

  it('has a text part with the intro, every article’s headline, standfirst and absolute link, and the 配信停止 link', () => {
    expect(mail.text).toContain('読者のみなさま、こんにちは。\n今週の話題です。\n\n二段落目は & と "引用" を含みます。');
    expect(mail.text).toContain(`■ 物価<script>alert(1)</script>が上昇 & "速報"\n総務省が発表した。\n${SITE}/articles/abcd2345`);
    expect(mail.text).toContain(`■ 選挙の行方\n${SITE}/articles/efgh2345`);
    expect(mail.text).toContain(`配信停止はこちら: ${SITE}/newsletter/unsubscribe?token=sub1.signature`);
    // The articles come in the chosen order.
    expect(mail.text.indexOf('物価')).toBeLessThan(mail.text.indexOf('選挙の行方'));
  });

  it('escapes headlines, standfirsts, intro and subject in the HTML part, and links every article absolutely', () => {
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).not.toContain('<b>物価</b>');
    expect(mail.html).toContain('物価&lt;script&gt;alert(1)&lt;/script&gt;が上昇 &amp; &quot;速報&quot;');
    expect(mail.html).toContain('<title>今週の Kiji:選挙と&lt;b&gt;物価&lt;/b&gt;</title>');
    expect(mail.html).toContain('<p style="margin:0 0 16px">読者のみなさま、こんにちは。<br>今週の話題です。</p>');
    expect(mail.html).toContain('二段落目は &amp; と &quot;引用&quot; を含みます。');
    expect(mail.html).toContain(`<a href="${SITE}/articles/abcd2345"`);
    expect(mail.html).toContain(`<a href="${SITE}/articles/efgh2345"`);
    expect(mail.html).toContain(`配信停止は<a href="${SITE}/newsletter/unsubscribe?token=sub1.signature">こちら</a>`);
    // No <style> element: the site's CSP refuses one in the preview, and many mail clients drop it.
    expect(mail.html).not.toMatch(/<style/i);
    expect(mail.html.match(/<a href="https:\/\/kiji\.example\/articles\/[a-z0-9]{8}"/g)).toHaveLength(4);
  });

  it('splits the intro into paragraphs at blank lines', () => {
    expect(splitParagraphs('一\r\n二\r\n\r\n\r\n三  \n \n')).toEqual([['一', '二'], ['三']]);
    expect(splitParagraphs('  \n ')).toEqual([]);
  });
});

describe('what stops an edition from going out', () => {
  const published = { headline: '公開中', status: 'published' as const, visible: true };
  it('asks for a subject and an article, and names every article that is not public', () => {
    expect(decideSendProblems({ subject: ' ', articles: [] })).toEqual(['件名を入力してください。', '記事を1本以上選んでください。']);
    expect(decideSendProblems({ subject: '件名', articles: [published] })).toEqual([]);
    expect(decideSendProblems({ subject: '件名', articles: [published, { headline: '取り下げた記事', status: 'unpublished', visible: false }] })).toEqual([
      '「取り下げた記事」は非公開のため送れません。外すか、公開されてから送信してください。',
    ]);
  });
});
