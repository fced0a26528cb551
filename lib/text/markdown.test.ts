import { describe, expect, it } from 'vitest';
import {
  type Block,
  type Inline,
  parseBody,
  splitPages,
  toPlainText,
  toSafeHref,
  toSafeImageSrc,
} from './markdown';

/** Every inline anywhere in the blocks, depth first. */
function allInlines(blocks: Block[]): Inline[] {
  const walk = (inlines: Inline[]): Inline[] =>
    inlines.flatMap((inline) => ('children' in inline ? [inline, ...walk(inline.children)] : [inline]));
  return blocks.flatMap((block): Inline[] => {
    switch (block.type) {
      case 'paragraph':
      case 'heading':
        return walk(block.inlines);
      case 'quote':
        return allInlines(block.blocks);
      case 'list':
        return block.items.flatMap(walk);
      default:
        return [];
    }
  });
}

const links = (blocks: Block[]) => allInlines(blocks).filter((inline) => inline.type === 'link');
const text = (value: string): Inline => ({ type: 'text', value });

describe('parseBody: the dialect', () => {
  it('reads paragraphs, emphasis and links', () => {
    expect(parseBody('潮見町で**花火**が*復活*した。\n\n詳しくは[まとめ](/topics/inbound)へ。')).toEqual([
      {
        type: 'paragraph',
        inlines: [
          text('潮見町で'),
          { type: 'strong', children: [text('花火')] },
          text('が'),
          { type: 'emphasis', children: [text('復活')] },
          text('した。'),
        ],
      },
      {
        type: 'paragraph',
        inlines: [text('詳しくは'), { type: 'link', href: '/topics/inbound', children: [text('まとめ')] }, text('へ。')],
      },
    ]);
  });

  it('bolds Japanese quoted text when ** sits inside the brackets, as the editors\' guide says', () => {
    expect(allInlines(parseBody('外相は「**対話の扉は開いている**」と強調'))).toContainEqual({
      type: 'strong',
      children: [text('対話の扉は開いている')],
    });
  });

  it('demotes # to level 2 because the page owns the only h1', () => {
    const blocks = parseBody('# 見出し一\n\n## 見出し二\n\n### 見出し三\n\n#### 見出し四');
    expect(blocks.map((b) => (b.type === 'heading' ? [b.level, b.text] : b.type))).toEqual([
      [2, '見出し一'],
      [2, '見出し二'],
      [3, '見出し三'],
      [3, '見出し四'],
    ]);
  });

  it('gives headings plain text and ids unique across the whole article', () => {
    const blocks = parseBody('## 協賛**企業**が支える\n\n::pagebreak\n\n## 協賛企業が支える\n\n## Main');
    const headings = blocks.filter((b) => b.type === 'heading');
    expect(headings.map((h) => h.text)).toEqual(['協賛企業が支える', '協賛企業が支える', 'Main']);
    expect(headings.map((h) => h.id)).toEqual(['h-協賛企業が支える', 'h-協賛企業が支える-2', 'h-main']);
  });

  it('reads quotes, keeping headings and page breaks out of them', () => {
    expect(parseBody('> ## 声明\n> 来年も続けたい\n>\n> ::pagebreak')).toEqual([
      {
        type: 'quote',
        blocks: [
          { type: 'paragraph', inlines: [text('声明')] },
          { type: 'paragraph', inlines: [text('来年も続けたい')] },
        ],
      },
    ]);
  });

  it('reads bulleted and numbered lists, flattening nested items', () => {
    expect(parseBody('- 約5000発\n- 8月開催\n  - 第1土曜日\n\n3. 三\n4. 四')).toEqual([
      {
        type: 'list',
        ordered: false,
        items: [[text('約5000発')], [text('8月開催'), { type: 'break' }, text('第1土曜日')]],
      },
      { type: 'list', ordered: true, start: 3, items: [[text('三')], [text('四')]] },
    ]);
  });

  it('reads ::figure, ignoring motif', () => {
    expect(
      parseBody(
        '::figure[打ち上げ前の会場(イメージ)]{src="/media/demo/a.webp" alt="夜の港" credit="Kiji編集部" motif="harbor"}',
      ),
    ).toEqual([
      {
        type: 'figure',
        src: '/media/demo/a.webp',
        alt: '夜の港',
        caption: '打ち上げ前の会場(イメージ)',
        credit: 'Kiji編集部',
      },
    ]);
  });

  it('keeps figure dimensions only when both are whole numbers', () => {
    const [both] = parseBody('::figure[c]{src="/a.webp" alt="a" width="800" height="600"}');
    expect(both).toMatchObject({ width: 800, height: 600 });
    const [one] = parseBody('::figure[c]{src="/a.webp" alt="a" width="800"}');
    expect(one).not.toHaveProperty('width');
    const [bad] = parseBody('::figure[c]{src="/a.webp" alt="a" width="80%" height="600"}');
    expect(bad).not.toHaveProperty('height');
  });

  it('turns Markdown images into figures in reading order', () => {
    expect(parseBody('前の文。![夜の港](/media/b.webp "会場の様子")後の文。')).toEqual([
      { type: 'paragraph', inlines: [text('前の文。')] },
      { type: 'figure', src: '/media/b.webp', alt: '夜の港', caption: '会場の様子', credit: '' },
      { type: 'paragraph', inlines: [text('後の文。')] },
    ]);
  });

  it('reads ::pagebreak', () => {
    expect(parseBody('一\n\n::pagebreak\n\n二').map((b) => b.type)).toEqual(['paragraph', 'pagebreak', 'paragraph']);
  });

  it('keeps colons in prose that remark-directive mistakes for text directives', () => {
    const [p] = parseBody('会見は10:30から。比率は3:2、注意:note[x]。');
    expect(p).toEqual({ type: 'paragraph', inlines: [text('会見は10:30から。比率は3:2、注意:note[x]。')] });
  });

  it('drops unknown leaf and container directives', () => {
    expect(parseBody('::video{src="https://example.com/v.mp4"}\n\n:::note\n中身\n:::\n\n本文')).toEqual([
      { type: 'paragraph', inlines: [text('本文')] },
    ]);
  });

  it('joins wrapped Japanese lines without inventing a space', () => {
    expect(parseBody('一行目の文が\n続いている。\nNext line\ncontinues')).toEqual([
      { type: 'paragraph', inlines: [text('一行目の文が続いている。\nNext line\ncontinues')] },
    ]);
  });

  it('resolves reference-style links through the same allowlist', () => {
    const blocks = parseBody('[良い][a]と[悪い][b]\n\n[a]: https://example.com/\n[b]: javascript:alert(1)');
    expect(links(blocks)).toEqual([{ type: 'link', href: 'https://example.com/', children: [text('良い')] }]);
    expect(toPlainText(blocks)).toBe('良いと悪い');
  });
});

describe('parseBody: safety', () => {
  it('never lets a raw HTML block through', () => {
    expect(parseBody('<script>alert(1)</script>')).toEqual([]);
    expect(parseBody('<div onclick="x()">\n本文\n</div>\n\n<!-- メモ -->')).toEqual([]);
  });

  it('drops inline HTML tags but keeps the words around them', () => {
    expect(parseBody('前<script>alert(1)</script>後 <img src=x onerror=alert(1)>')).toEqual([
      { type: 'paragraph', inlines: [text('前alert(1)後 ')] },
    ]);
  });

  it('keeps escaped angle brackets as text, which React will escape again', () => {
    expect(parseBody('&lt;script&gt;alert(1)&lt;/script&gt;')).toEqual([
      { type: 'paragraph', inlines: [text('<script>alert(1)</script>')] },
    ]);
  });

  it.each([
    ['[x](javascript:alert(1))'],
    ['[x](JaVaScRiPt:alert(1))'],
    ['[x]( javascript:alert(1))'],
    ['[x](&#x20;javascript:alert(1))'],
    ['[x](java&#10;script:alert(1))'],
    ['[x](java&#9;script:alert(1))'],
    ['[x](&#106;avascript:alert(1))'],
    ['[x](javascript&#58;alert(1))'],
    ['[x](<javascript:alert(1)>)'],
    ['[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
    ['[x](vbscript:msgbox(1))'],
    ['[x](//evil.example/)'],
    ['[x](/\\evil.example/)'],
    ['[x](\\/\\/evil.example/)'],
    ['[x](ｊａｖａｓｃｒｉｐｔ:alert(1))'],
    ['[x](relative/path)'],
    ['[x](ftp://example.com/)'],
  ])('turns %s into plain text', (markdown) => {
    const blocks = parseBody(markdown);
    expect(links(blocks)).toEqual([]);
    expect(toPlainText(blocks)).toBe('x');
  });

  it('turns an unsafe autolink into its own text', () => {
    const blocks = parseBody('<javascript:alert(1)>');
    expect(links(blocks)).toEqual([]);
    expect(toPlainText(blocks)).toBe('javascript:alert(1)');
  });

  it.each([
    ['/topics/inbound-tourism', '/topics/inbound-tourism'],
    ['#h-協賛', '#h-協賛'],
    ['https://example.com/a?b=c', 'https://example.com/a?b=c'],
    ['http://example.com/', 'http://example.com/'],
    ['mailto:desk@example.com', 'mailto:desk@example.com'],
  ])('links to %s', (url, href) => {
    expect(links(parseBody(`[x](${url})`))).toEqual([{ type: 'link', href, children: [text('x')] }]);
  });

  it.each([
    ['javascript:alert(1)'],
    ['data:image/svg+xml;base64,PHN2Zz48L3N2Zz4='],
    ['http://example.com/a.jpg'],
    ['//cdn.example.com/a.jpg'],
    ['/\\cdn.example.com/a.jpg'],
    ['media/a.jpg'],
    [''],
  ])('drops a figure whose src is %s', (src) => {
    expect(parseBody(`::figure[説明]{src="${src}" alt="a" credit="c"}`)).toEqual([]);
    expect(parseBody(`![a](${src || '<>'} "説明")`)).toEqual([]);
  });

  it('accepts https and site-relative figure sources', () => {
    expect(parseBody('::figure[c]{src="https://images.example.com/a.jpg" alt="a"}')).toMatchObject([
      { type: 'figure', src: 'https://images.example.com/a.jpg' },
    ]);
    expect(parseBody('![a](/media/a.webp)')).toMatchObject([{ type: 'figure', src: '/media/a.webp' }]);
  });
});

describe('toSafeHref / toSafeImageSrc', () => {
  it('refuses what the browser would normalise into a script URL', () => {
    expect(toSafeHref('java\nscript:alert(1)')).toBeNull();
    expect(toSafeHref('\u0000javascript:alert(1)')).toBeNull();
    expect(toSafeHref('\tjavascript:alert(1)')).toBeNull();
  });

  it('returns the URL the browser will follow', () => {
    expect(toSafeHref(' https://example.com/\n')).toBe('https://example.com/');
    expect(toSafeHref('HTTPS:\\\\example.com\\a')).toBe('https://example.com/a');
    expect(toSafeImageSrc('https:\\\\images.example.com\\a.jpg')).toBe('https://images.example.com/a.jpg');
    expect(toSafeImageSrc('https://')).toBeNull();
  });
});

describe('splitPages', () => {
  it('splits at page breaks', () => {
    const pages = splitPages(parseBody('一\n\n::pagebreak\n\n二\n\n三'));
    expect(pages.map((page) => toPlainText(page))).toEqual(['一', '二\n三']);
  });

  it('drops empty pages from leading, trailing and doubled breaks', () => {
    const pages = splitPages(parseBody('::pagebreak\n\n一\n\n::pagebreak\n\n::pagebreak\n\n二\n\n::pagebreak'));
    expect(pages.map((page) => toPlainText(page))).toEqual(['一', '二']);
  });

  it('always returns at least one page', () => {
    expect(splitPages([])).toEqual([[]]);
    expect(splitPages([{ type: 'pagebreak' }])).toEqual([[]]);
  });

  it('never puts a pagebreak block on a page', () => {
    const pages = splitPages(parseBody('一\n\n::pagebreak\n\n二'));
    expect(pages.flat().some((block) => block.type === 'pagebreak')).toBe(false);
  });
});

describe('toPlainText', () => {
  it('gives the words, one block per line, without markup or figures', () => {
    const blocks = parseBody(
      '## 小見出し\n\n本文の**強調**と[リンク](/a)。  \n改行後\n\n> 引用\n\n- 一\n- 二\n\n::figure[写真説明]{src="/a.webp" alt="代替"}',
    );
    expect(toPlainText(blocks)).toBe('小見出し\n本文の強調とリンク。\n改行後\n引用\n一\n二');
  });
});

describe('parseBody: embeds', () => {
  const only = (markdown: string) => {
    const blocks = parseBody(markdown);
    expect(blocks).toHaveLength(1);
    return blocks[0];
  };

  it('makes a paragraph that is only a YouTube address a video, in every form YouTube shares', () => {
    const video = { type: 'embed', provider: 'youtube', id: 'kiji-demo01', url: 'https://www.youtube.com/watch?v=kiji-demo01' };
    for (const address of [
      'https://www.youtube.com/watch?v=kiji-demo01',
      'https://youtube.com/watch?v=kiji-demo01&list=PL1&si=abc',
      'https://m.youtube.com/watch?feature=share&v=kiji-demo01',
      'http://youtu.be/kiji-demo01',
      'https://youtu.be/kiji-demo01?si=Xy_z',
      'https://www.youtube.com/shorts/kiji-demo01',
      'https://www.youtube.com/live/kiji-demo01',
      '  https://WWW.YouTube.com/watch?v=kiji-demo01  ',
      '<https://youtu.be/kiji-demo01>',
    ]) {
      expect(only(address), address).toEqual(video);
    }
  });

  it('keeps the start time, in seconds, and in the link', () => {
    for (const [address, start] of [
      ['https://youtu.be/kiji-demo01?t=90', 90],
      ['https://youtu.be/kiji-demo01?t=90s', 90],
      ['https://www.youtube.com/watch?v=kiji-demo01&t=1m30s', 90],
      ['https://www.youtube.com/watch?v=kiji-demo01&t=1h2m3s', 3723],
      ['https://www.youtube.com/watch?v=kiji-demo01&start=45', 45],
    ] as const) {
      expect(only(address), address).toEqual({
        type: 'embed',
        provider: 'youtube',
        id: 'kiji-demo01',
        start,
        url: `https://www.youtube.com/watch?v=kiji-demo01&t=${start}s`,
      });
    }
    // A start that names no place plays from the beginning.
    for (const t of ['0', 'abc', '-5', '99999999', '2h-1m']) {
      expect(only(`https://youtu.be/kiji-demo01?t=${t}`), t).not.toHaveProperty('start');
    }
  });

  it('makes a paragraph that is only an X or Twitter post address a post card, with its handle', () => {
    const post = { type: 'embed', provider: 'x', id: '1790000000000000001', user: 'kiji_news', url: 'https://x.com/kiji_news/status/1790000000000000001' };
    for (const address of [
      'https://x.com/kiji_news/status/1790000000000000001',
      'https://twitter.com/kiji_news/status/1790000000000000001?s=20',
      'https://mobile.twitter.com/kiji_news/statuses/1790000000000000001/',
      'https://www.x.com/kiji_news/status/1790000000000000001#m',
    ]) {
      expect(only(address), address).toEqual(post);
    }
    // Underscores are not emphasis in an address.
    expect(only('https://x.com/_a_/status/12')).toMatchObject({ provider: 'x', user: '_a_', url: 'https://x.com/_a_/status/12' });
  });

  it('leaves anything looser as the text or link it was', () => {
    for (const address of [
      'https://www.youtube.com/watch?v=kiji-demo0', // 10 characters
      'https://www.youtube.com/watch?v=kiji-demo012', // 12
      'https://www.youtube.com/watch?v=kiji.demo01',
      'https://youtu.be/kiji-demo01/extra',
      'https://www.youtube.com/channel/UCkiji-demo01',
      'https://youtube.com.evil.example/watch?v=kiji-demo01',
      'https://evil.example/?u=https://youtu.be/kiji-demo01',
      'https://user@youtu.be/kiji-demo01',
      'https://youtu.be:8443/kiji-demo01',
      'javascript://youtu.be/kiji-demo01',
      'ftp://youtu.be/kiji-demo01',
      'youtu.be/kiji-demo01',
      'https://x.com/kiji_news',
      'https://x.com/kiji_news/status/abc',
      'https://x.com/kiji_news/status/0123',
      'https://x.com/kiji_news/status/12345678901234567890', // 20 digits: past a 63-bit id
      'https://x.com/a_name_too_long_16/status/1',
      'https://x.com/kiji-news/status/1',
      'https://x.com/kiji_news/status/1/photo/1',
    ]) {
      expect(only(address)?.type, address).toBe('paragraph');
    }
  });

  it('embeds only a paragraph of its own, at the top level: not in prose, a link with words, a quote or a list', () => {
    expect(only('動画はこちら https://youtu.be/kiji-demo01')?.type).toBe('paragraph');
    expect(only('https://youtu.be/kiji-demo01\n続きの文')?.type).toBe('paragraph');
    expect(only('[予告編](https://youtu.be/kiji-demo01)')?.type).toBe('paragraph');
    expect(only('> https://youtu.be/kiji-demo01')?.type).toBe('quote');
    expect(only('- https://youtu.be/kiji-demo01')?.type).toBe('list');
    expect(parseBody('前の段落\n\nhttps://youtu.be/kiji-demo01\n\n後の段落').map((b) => b.type)).toEqual(['paragraph', 'embed', 'paragraph']);
  });

  it('shows an embed as its address where only text goes', () => {
    expect(toPlainText(parseBody('本文\n\nhttps://youtu.be/kiji-demo01?t=5'))).toBe('本文\nhttps://www.youtube.com/watch?v=kiji-demo01&t=5s');
  });
});
