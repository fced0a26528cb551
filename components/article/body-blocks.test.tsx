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

  it('renders nothing for a page break', () => {
    expect(renderToStaticMarkup(<BodyBlocks blocks={[{ type: 'pagebreak' }]} />)).toMatch(/^<div[^>]*><\/div>$/);
  });
});
