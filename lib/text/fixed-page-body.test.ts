import { describe, expect, it } from 'vitest';
import { FIXED_PAGE_DEFAULTS } from '../site/fixed-page-defaults';
import { FIXED_PAGE_SLUGS } from '../site/pages';
import type { Publisher } from '../site/publisher';
import { checkFixedPageBody, toFixedPageBlocks, type FixedPageBlock } from './fixed-page-body';

const publisher: Publisher = {
  name: '株式会社テスト報道',
  address: '〒980-0000 宮城県仙台市青葉区見本2-4-6',
  representative: '代表取締役 試験花子',
  founded: '2011-07-15',
  contactEmail: 'desk@test-news.example',
  demo: false,
};

const text = (blocks: FixedPageBlock[]) => JSON.stringify(blocks);

describe('toFixedPageBlocks', () => {
  it('fills the publisher’s places in sentences, headings, lists and quotes, the mail address as a link', () => {
    const blocks = toFixedPageBlocks(
      ['運営は{{会社名}}({{ 設立 }}設立)です。', '## {{会社名}}について', '- 所在地:{{所在地}}\n- 代表者:{{代表者}}', '> 窓口は{{メールアドレス}}です'].join('\n\n'),
      publisher,
    );
    expect(blocks[0]).toEqual({ type: 'paragraph', inlines: [{ type: 'text', value: '運営は株式会社テスト報道(2011年7月15日設立)です。' }] });
    expect(blocks[1]).toMatchObject({ type: 'heading', inlines: [{ type: 'text', value: '株式会社テスト報道について' }] });
    expect(blocks[2]).toEqual({
      type: 'list',
      ordered: false,
      items: [[{ type: 'text', value: `所在地:${publisher.address}` }], [{ type: 'text', value: `代表者:${publisher.representative}` }]],
    });
    expect(blocks[3]).toEqual({
      type: 'quote',
      blocks: [
        {
          type: 'paragraph',
          inlines: [
            { type: 'text', value: '窓口は' },
            { type: 'link', href: `mailto:${publisher.contactEmail}`, children: [{ type: 'text', value: publisher.contactEmail }] },
            { type: 'text', value: 'です' },
          ],
        },
      ],
    });
  });

  it('fills a place as text, never as Markdown: a company name with asterisks stays as it is', () => {
    const [block] = toFixedPageBlocks('運営は{{会社名}}です。', { ...publisher, name: '株式会社**星**<script>' });
    expect(block).toEqual({ type: 'paragraph', inlines: [{ type: 'text', value: '運営は株式会社**星**<script>です。' }] });
  });

  it('never puts a link inside a link: the mail address inside an editor’s link is its text', () => {
    const [block] = toFixedPageBlocks('[{{メールアドレス}}へ](/contact)', publisher);
    expect(block).toEqual({ type: 'paragraph', inlines: [{ type: 'link', href: '/contact', children: [{ type: 'text', value: `${publisher.contactEmail}へ` }] }] });
  });

  it('makes a place alone on a line the publisher’s block, and drops page breaks', () => {
    const blocks = toFixedPageBlocks('前文\n\n{{会社情報}}\n\n::pagebreak\n\n{{ お問い合わせ先 }}\n\n後文', publisher);
    expect(blocks.map((b) => b.type)).toEqual(['paragraph', 'publisher', 'contact', 'paragraph']);
  });

  it('gives a heading its {#anchor}, and the text’s id otherwise; an anchor used twice is on the page once', () => {
    const blocks = toFixedPageBlocks('## 2. メールマガジン {#newsletter}\n\n## 連絡先\n\n## 再掲 {#newsletter}', publisher);
    expect(blocks).toEqual([
      { type: 'heading', level: 2, id: 'newsletter', text: '2. メールマガジン', inlines: [{ type: 'text', value: '2. メールマガジン' }] },
      { type: 'heading', level: 2, id: 'h-連絡先', text: '連絡先', inlines: [{ type: 'text', value: '連絡先' }] },
      { type: 'heading', level: 2, id: 'h-newsletter', text: '再掲', inlines: [{ type: 'text', value: '再掲' }] },
    ]);
  });

  it('refuses what articles refuse: raw HTML and unsafe links', () => {
    const blocks = toFixedPageBlocks('<script>alert(1)</script>\n\n[押す](javascript:alert(1)) {{会社名}}', publisher);
    expect(text(blocks)).not.toMatch(/script|javascript/);
    expect(blocks).toEqual([{ type: 'paragraph', inlines: [{ type: 'text', value: '押す 株式会社テスト報道' }] }]);
  });
});

describe('checkFixedPageBody', () => {
  it('accepts each page’s starting wording', () => {
    for (const slug of FIXED_PAGE_SLUGS) expect(checkFixedPageBody(FIXED_PAGE_DEFAULTS[slug].body), slug).toEqual([]);
  });

  it('names an unknown place and lists the ones there are', () => {
    const [problem, ...rest] = checkFixedPageBody('運営は{{会社の名前}}です。');
    expect(rest).toEqual([]);
    expect(problem).toContain('{{会社の名前}} という差し込み項目はありません');
    expect(problem).toContain('{{会社名}}');
    expect(problem).toContain('{{お問い合わせ先}}');
  });

  it('wants a block place alone on its line', () => {
    expect(checkFixedPageBody('会社の情報は{{会社情報}}のとおり')).toEqual(['{{会社情報}} は前後を空けて、1行に単独で書いてください。']);
    expect(checkFixedPageBody('- {{お問い合わせ先}}')).toHaveLength(1);
    expect(checkFixedPageBody('{{会社情報}}')).toEqual([]);
  });

  it('refuses a malformed, reserved or repeated anchor', () => {
    expect(checkFixedPageBody('## 見出し {#メール}')[0]).toMatch(/英小文字/);
    expect(checkFixedPageBody('## 見出し {#Main}')[0]).toMatch(/英小文字/);
    expect(checkFixedPageBody('## 見出し {#main}')[0]).toMatch(/ほかの部分が使っています/);
    expect(checkFixedPageBody('## 見出し {#h-x}')[0]).toMatch(/ほかの部分が使っています/);
    expect(checkFixedPageBody('## 一 {#a}\n\n## 二 {#a}')).toEqual(['見出しの名前 {#a} が2か所にあります。1つのページでは1度だけ使えます。']);
    expect(checkFixedPageBody('## 一 {#a}\n\n## 二 {#b-2}')).toEqual([]);
  });
});

describe('the starting wording', () => {
  it('keeps every anchor other pages and crawlers link to', () => {
    const ids = (slug: (typeof FIXED_PAGE_SLUGS)[number]) => toFixedPageBlocks(FIXED_PAGE_DEFAULTS[slug].body, publisher).flatMap((b) => (b.type === 'heading' ? [b.id] : []));
    expect(ids('about')).toEqual(expect.arrayContaining(['editorial-policy', 'corrections']));
    expect(ids('privacy')).toEqual(expect.arrayContaining(['newsletter', 'requests', 'cookies']));
    expect(ids('contact')).toEqual(expect.arrayContaining(['corrections', 'privacy']));
  });

  it('shows no Markdown or place as typed: no stray asterisks, braces or underscores', () => {
    for (const slug of FIXED_PAGE_SLUGS) {
      const shown = text(toFixedPageBlocks(FIXED_PAGE_DEFAULTS[slug].body, publisher));
      expect(shown, slug).not.toMatch(/\*|\{\{|\{#|\\_/);
    }
    expect(text(toFixedPageBlocks(FIXED_PAGE_DEFAULTS.privacy.body, publisher))).toContain('「__Host-」');
  });
});
