import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CorrectionNotices } from './correction-notices';

describe('CorrectionNotices', () => {
  it('renders nothing for an article never corrected', () => {
    expect(renderToStaticMarkup(<CorrectionNotices corrections={[]} />)).toBe('');
  });

  it('shows every notice in order under a 訂正 heading, each dated in Japan time', () => {
    const html = renderToStaticMarkup(
      <CorrectionNotices
        corrections={[
          { text: '(訂正)「約1500人」は「約1200人」の誤りでした。', publishedAt: '2026-12-05T05:32:00.000Z' },
          { text: '(訂正)二つ目の訂正です。\n二行目。', publishedAt: '2026-12-06T00:05:00.000Z' },
        ]}
      />,
    );
    expect(html).toMatch(/<section aria-labelledby="corrections-heading"[^>]*><h2 id="corrections-heading"[^>]*>訂正<\/h2>/);
    expect(html).toContain('<time dateTime="2026-12-05T14:32:00+09:00">2026年12月5日(土)14時32分</time>');
    expect(html.indexOf('約1200人')).toBeLessThan(html.indexOf('二つ目'));
    expect(html.indexOf('14時32分')).toBeLessThan(html.indexOf('約1200人'));
    expect(html).toContain('2026年12月6日(日)9時05分');
    // Line breaks the desk typed survive as lines (whitespace-pre-line), not as markup.
    expect(html).toContain('二つ目の訂正です。\n二行目。');
  });

  it('escapes a notice: it is text, never HTML', () => {
    const html = renderToStaticMarkup(<CorrectionNotices corrections={[{ text: '<img src=x onerror=alert(1)>', publishedAt: '2026-12-05T05:32:00.000Z' }]} />);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
  });
});
