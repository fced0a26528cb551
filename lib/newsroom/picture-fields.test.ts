import { describe, expect, it } from 'vitest';
import { parseBody } from '../text/markdown';
import { insertBlock, toFigureDirective } from './picture-fields';
import { pictureFieldsSchema } from './picture-schema';

/**
 * A library picture becomes a `::figure` line the editor never types: what
 * the reader then sees must be the caption, credit and alt exactly as
 * written in the library, whatever punctuation they hold.
 */

const picture = { src: '/media/uploads/2026/12/abcdefabcdef.webp', width: 1600, height: 900, caption: '港の花火', credit: 'Kiji編集部', alt: '夜空に開く花火' };

describe('toFigureDirective', () => {
  it('makes one figure with the picture, its size and its words', () => {
    const line = toFigureDirective(picture);
    expect(line).toBe('::figure[港の花火]{src="/media/uploads/2026/12/abcdefabcdef.webp" alt="夜空に開く花火" credit="Kiji編集部" width="1600" height="900"}');
    expect(parseBody(line)).toEqual([{ type: 'figure', ...picture }]);
  });

  it('keeps brackets, Markdown marks, quotes, ampersands and backslashes as typed', () => {
    const hostile = {
      ...picture,
      caption: '「祭り」] *強調* _下線_ [リンク](/x) `code` <b>&amp; \\ ::pagebreak',
      credit: '共同 "提供" & Co. } {',
      alt: 'a "quoted" alt & more } ]',
    };
    const blocks = parseBody(toFigureDirective(hostile));
    expect(blocks).toEqual([{ type: 'figure', ...hostile }]);
  });

  it('puts a caption with line breaks on one line, so the directive is never cut in two', () => {
    const line = toFigureDirective({ ...picture, caption: '一行目\n::pagebreak\n三行目' });
    expect(line.split('\n')).toHaveLength(1);
    expect(parseBody(line)).toEqual([{ type: 'figure', ...picture, caption: '一行目 ::pagebreak 三行目' }]);
  });

  it('leaves out an empty credit', () => {
    expect(toFigureDirective({ ...picture, credit: ' ' })).not.toContain('credit=');
  });
});

describe('insertBlock', () => {
  const line = '::figure[x]{src="/media/a.webp" alt="a"}';

  it('puts the figure on its own paragraph in the middle of a line', () => {
    const { body, cursor } = insertBlock('前の文。後の文。', 4, 4, line);
    expect(body).toBe(`前の文。\n\n${line}\n\n後の文。`);
    expect(body.slice(cursor)).toBe('後の文。');
    expect(parseBody(body).map((b) => b.type)).toEqual(['paragraph', 'figure', 'paragraph']);
  });

  it('adds no extra blank lines where there are some already', () => {
    expect(insertBlock('一段落目。\n\n二段落目。', 7, 7, line).body).toBe(`一段落目。\n\n${line}\n\n二段落目。`);
    expect(insertBlock('', 0, 0, line).body).toBe(`${line}\n`);
    expect(insertBlock('本文。', 3, 3, line).body).toBe(`本文。\n\n${line}\n`);
  });

  it('replaces a selection, and keeps every other character of the body', () => {
    const { body } = insertBlock('残す。消す。残す。', 3, 6, line);
    expect(body).toBe(`残す。\n\n${line}\n\n残す。`);
  });

  it('survives a cursor outside the text', () => {
    expect(insertBlock('本文。', 99, 120, line).body).toBe(`本文。\n\n${line}\n`);
  });
});

describe('pictureFieldsSchema', () => {
  it('trims, drops controls and line breaks, and drops a typed 写真: prefix', () => {
    expect(pictureFieldsSchema.parse({ caption: ' 港\n花火\u202e ', credit: '写真：共同', alt: 'a' })).toEqual({ caption: '港 花火', credit: '共同', alt: 'a' });
  });

  it('refuses an overlong caption with a Japanese message', () => {
    const result = pictureFieldsSchema.safeParse({ caption: 'あ'.repeat(301), credit: '', alt: '' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/文字以内/);
  });
});
