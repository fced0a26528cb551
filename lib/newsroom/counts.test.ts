import { describe, expect, it } from 'vitest';
import { countBodyCharacters, countCharacters, describeCount, HOUSE_LIMITS, toCountableBody } from './counts';

describe('countCharacters', () => {
  it('counts what a reader sees as one character once', () => {
    expect(countCharacters('港の朝市')).toBe(4);
    expect(countCharacters('𠮷野家')).toBe(3); // a surrogate pair
    expect(countCharacters('か\u3099')).toBe(1); // か + combining dakuten
    expect(countCharacters('🇯🇵👨‍👩‍👧')).toBe(2); // a flag and a family
  });

  // How long it takes is the bench's to say, not a test's (a busy machine must not fail it); the
  // quadratic segmenting this replaced took 4 s for the first string alone.
  it('counts long text whole, cutting it only between graphemes', () => {
    expect(countCharacters('あ'.repeat(50_000))).toBe(50_000);
    // Emoji sequences, combining and half-width sound marks astride every place a piece could be cut.
    const mixed = '👨‍👩‍👧か\u3099ｶﾞ🇯🇵漢字、'.repeat(2_000);
    expect(countCharacters(mixed)).toBe(7 * 2_000);
  });

  it('counts spaces and punctuation but not line breaks', () => {
    expect(countCharacters('再開へ、　来春')).toBe(7);
    expect(countCharacters('一行目\n二行目\r\n')).toBe(6);
    expect(countCharacters('')).toBe(0);
  });
});

describe('countBodyCharacters', () => {
  it('counts the text readers read, without the Markdown around it', () => {
    const body = ['## 経緯', '', '> 引用文', '', '- 箇条', '1. 番号', '', '**強調**と*斜体*と[リンク](https://example.com/a)。', '', '::figure[港の写真]{src=/media/a.webp alt=港}', '', '::pagebreak', '', 'https://youtu.be/kiji-demo01', '', '二ページ目'].join('\n');
    expect(toCountableBody(body).split('\n').filter(Boolean)).toEqual(['経緯', '引用文', '箇条', '番号', '強調と斜体とリンク。', '二ページ目']);
    expect(countBodyCharacters(body)).toBe(2 + 3 + 2 + 2 + 10 + 5);
  });

  it('leaves plain prose as it is', () => {
    expect(countBodyCharacters('市は計画の見直しを終えた。\n\n二段落目。')).toBe(18);
  });
});

describe('describeCount', () => {
  it('shows the count against the house limit, and says in words when it is over', () => {
    expect(describeCount(28, HOUSE_LIMITS.headline)).toEqual({ over: false, text: '28字/目安30字' });
    expect(describeCount(30, HOUSE_LIMITS.headline)).toEqual({ over: false, text: '30字/目安30字' });
    expect(describeCount(33, HOUSE_LIMITS.headline)).toEqual({ over: true, text: '33字/目安30字(3字超過)' });
    expect(describeCount(1200, null)).toEqual({ over: false, text: '1200字' });
  });
});
