import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SaveStatus } from './save-status';

describe('the save status under a newsroom form', () => {
  it('keeps its status region in the page before anything is said, so a screen reader hears the first message', () => {
    expect(renderToStaticMarkup(<SaveStatus announcement="" error={null} />)).toBe('<p role="status" class="mt-2 min-h-5 text-sm"></p>');
  });

  it('says what happened, and a refusal as an alert', () => {
    const html = renderToStaticMarkup(<SaveStatus announcement="保存しました。" error="件名は100字以内にしてください。" />);
    expect(html).toContain('<p role="status" class="mt-2 min-h-5 text-sm">保存しました。</p>');
    expect(html).toMatch(/<p role="alert"[^>]*>件名は100字以内にしてください。<\/p>$/);
  });
});
