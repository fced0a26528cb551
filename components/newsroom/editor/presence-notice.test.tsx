import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { formatPresence, PresenceMark } from './presence-notice';

/** What an editor reads when someone else has the article open (ADR 0047). */

describe('the presence mark', () => {
  it('names the others with their role, and the editor’s own second window apart', () => {
    expect(formatPresence([])).toBe('');
    expect(formatPresence([{ name: '鈴木 一郎', role: 'desk', self: false }])).toBe('鈴木 一郎さん(デスク)もこの記事を開いています。');
    expect(
      formatPresence([
        { name: '鈴木 一郎', role: 'desk', self: false },
        { name: '佐藤 健', role: 'admin', self: false },
        { name: '山田 花子', role: 'reporter', self: true },
      ]),
    ).toBe('鈴木 一郎さん(デスク)、佐藤 健さん(管理者)もこの記事を開いています。あなたも別のタブかブラウザでこの記事を開いています。');
  });

  it('keeps its live region in the page when nobody else is there, and fills it when someone is', () => {
    expect(renderToStaticMarkup(<PresenceMark present={[]} />)).toBe('<div aria-live="polite" data-testid="presence"></div>');
    expect(renderToStaticMarkup(<PresenceMark present={[{ name: '鈴木 一郎', role: 'desk', self: false }]} />)).toContain('鈴木 一郎さん(デスク)もこの記事を開いています。');
  });
});
