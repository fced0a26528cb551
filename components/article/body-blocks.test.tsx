import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { parseBody } from '@/lib/text/markdown';
import { BodyBlocks } from './body-blocks';

const render = (markdown: string) => renderToStaticMarkup(<BodyBlocks blocks={parseBody(markdown)} />);

describe('BodyBlocks', () => {
  it('renders headings with their anchor ids', () => {
    const html = render('## 協賛企業が支える\n\n### 詳細');
    expect(html).toMatch(/<h2 id="h-協賛企業が支える"[^>]*>協賛企業が支える<\/h2>/);
    expect(html).toMatch(/<h3 id="h-詳細"[^>]*>詳細<\/h3>/);
  });

  it('renders paragraphs, quotes and lists', () => {
    const html = render('本文\n\n> 引用\n\n- 一\n\n3. 三');
    expect(html).toMatch(/<p[^>]*>本文<\/p>/);
    expect(html).toMatch(/<blockquote[^>]*><p[^>]*>引用<\/p><\/blockquote>/);
    expect(html).toMatch(/<ul[^>]*><li>一<\/li><\/ul>/);
    expect(html).toMatch(/<ol start="3"[^>]*><li>三<\/li><\/ol>/);
  });

  it('marks external links noopener and leaves site links alone', () => {
    const html = render('[内部](/topics/a)と[外部](https://example.com/)');
    expect(html).toMatch(/<a [^>]*href="\/topics\/a"[^>]*>内部<\/a>/);
    expect(html).not.toMatch(/<a [^>]*href="\/topics\/a"[^>]*rel=/);
    expect(html).toMatch(/<a [^>]*href="https:\/\/example.com\/"[^>]*rel="noopener"[^>]*>外部<\/a>/);
  });

  it('renders a figure with responsive sizes, lazy loading and caption apart from credit', () => {
    const html = render('::figure[会場の様子]{src="/media/a.webp" alt="夜の港" credit="Kiji編集部"}');
    expect(html).toMatch(/<img [^>]*alt="夜の港"/);
    expect(html).toContain('loading="lazy"');
    expect(html).toContain('width="1200"');
    expect(html).toContain('height="675"');
    expect(html).toContain('sizes="(max-width: 768px) 100vw, 720px"');
    expect(html).toMatch(/<figcaption[^>]*><span>会場の様子<\/span><span class="credit[^"]*">Kiji編集部<\/span><\/figcaption>/);
  });

  it('uses known figure dimensions', () => {
    const html = render('::figure[c]{src="/media/a.webp" alt="a" width="800" height="600"}');
    expect(html).toContain('width="800"');
    expect(html).toContain('height="600"');
  });

  it('never emits a live script or a script URL', () => {
    const html = render(
      '<script>alert(1)</script>\n\n前<script>alert(2)</script>後\n\n&lt;script&gt;alert(3)&lt;/script&gt;\n\n[x](javascript:alert(4))',
    );
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/javascript:/i);
    expect(html).toContain('&lt;script&gt;alert(3)&lt;/script&gt;');
    expect(html).not.toContain('<a ');
  });

  it('draws a YouTube video as a 16:9 card that loads nothing from YouTube, its play control a link to the video', () => {
    const html = render('https://youtu.be/kiji-demo01?t=90');
    // No frame, no picture, no script: not a byte from YouTube or its image host until a click.
    expect(html).not.toMatch(/<(iframe|img|script|link|source|video)\b/i);
    expect(html).not.toMatch(/ytimg|youtube-nocookie|googlevideo/);
    expect(html).toMatch(/<figure [^>]*data-provider="youtube"/);
    expect(html).toMatch(/<div class="[^"]*aspect-video[^"]*"/);
    expect(html).toContain('YouTube');
    expect(html).toContain('1:30から再生');
    expect(html).toMatch(/<a href="https:\/\/www.youtube.com\/watch\?v=kiji-demo01&amp;t=90s" rel="noopener noreferrer"[^>]*>.*再生する<\/span><\/a>/);
    expect(html).toContain('YouTubeで見る');
    // On paper: the address instead of the box.
    expect(html).toMatch(/<div class="[^"]*print:hidden[^"]*" data-testid="embed-box">/);
    expect(html).toMatch(/<span class="[^"]*print:inline[^"]*">YouTube動画 https:\/\/www.youtube.com\/watch\?v=kiji-demo01&amp;t=90s<\/span>/);
  });

  it('draws an X post as a card that links out to it and loads nothing from X', () => {
    const html = render('https://twitter.com/kiji_news/status/1790000000000000001?s=20');
    expect(html).not.toMatch(/<(iframe|img|script|link)\b/i);
    expect(html).not.toMatch(/platform\.twitter|widgets\.js|twimg/);
    expect(html).toMatch(/<figure [^>]*data-provider="x"/);
    expect(html).toContain('@kiji_news');
    expect(html).toMatch(
      /<a href="https:\/\/x.com\/kiji_news\/status\/1790000000000000001" rel="noopener noreferrer" aria-label="@kiji_newsのポストをXで見る"[^>]*>Xで見る<\/a>/,
    );
  });

  it('shows an address that is no embed as the text it was', () => {
    const html = render('https://www.youtube.com/watch?v=tooShort');
    expect(html).toMatch(/^<div[^>]*><p[^>]*>https:\/\/www.youtube.com\/watch\?v=tooShort<\/p><\/div>$/);
  });

  it('renders nothing for a page break', () => {
    expect(renderToStaticMarkup(<BodyBlocks blocks={[{ type: 'pagebreak' }]} />)).toMatch(/^<div[^>]*><\/div>$/);
  });
});
