import { describe, expect, it } from 'vitest';
import { parseBody } from './markdown';
import { sanitizeBodySource } from './sanitize-body';

describe('sanitizeBodySource', () => {
  it('leaves the dialect alone', () => {
    const body = '段落です。[内部](/topics/a)と[外部](https://example.com/)。\n\n## 見出し\n\n::figure[説明]{src="/media/a.webp" alt="代替" credit="Kiji"}\n\n::pagebreak\n\n> 引用\n\n10:30に始まった。';
    expect(sanitizeBodySource(body)).toEqual({ body, removed: 0 });
  });

  it('cuts raw HTML, block and inline', () => {
    const { body, removed } = sanitizeBodySource('前<script>alert(1)</script>後\n\n<div onclick="x()">塊</div>\n\n<img src=x onerror=alert(1)>');
    expect(removed).toBeGreaterThan(0);
    expect(body).not.toMatch(/<script|onclick|onerror|<img|<div/i);
    expect(body).toContain('前');
    expect(body).toContain('後');
  });

  it('does not assemble a new tag from the pieces it cuts', () => {
    const { body } = sanitizeBodySource('<scr<b></b>ipt>alert(1)</scr<i></i>ipt>');
    expect(body).not.toMatch(/<\s*script/i);
  });

  it('keeps the words of a link with a refused address, and drops refused images and figures', () => {
    const { body } = sanitizeBodySource(
      '[押して](javascript:alert(1)) [ここ](JaVaScRiPt:alert(1)) [d](data:text/html,<script>alert(1)</script>)\n\n![x](javascript:alert(1))\n\n::figure[c]{src="javascript:alert(1)" alt="a"}\n\n[ref]: javascript:alert(1)',
    );
    expect(body).not.toMatch(/javascript:|data:/i);
    expect(body).toContain('押して');
    expect(body).toContain('ここ');
  });

  it('leaves no link, image or tag behind; what is not markup stays as plain words', () => {
    const nasty = '<a href="javascript:x">a</a> [b](java\tscript:alert(1)) <svg/onload=alert(1)> ![](data:image/png;base64,AAAA)';
    const { body } = sanitizeBodySource(nasty);
    expect(body).not.toMatch(/<a |data:/i);
    // `[b](java\tscript:…)` and `<svg/onload…>` are not links or HTML in CommonMark: they are words, escaped by React.
    const blocks = parseBody(body);
    expect(blocks).toEqual([{ type: 'paragraph', inlines: [{ type: 'text', value: expect.stringContaining('<svg/onload') }] }]);
  });
});
