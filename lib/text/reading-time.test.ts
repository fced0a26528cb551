import { describe, expect, it } from 'vitest';
import { parseBody } from './markdown';
import {
  READING_CHARACTERS_PER_MINUTE,
  countReadingCharacters,
  formatReadingTime,
  getReadingMinutes,
} from './reading-time';

describe('countReadingCharacters', () => {
  it('counts the words, not the markup, whitespace or figure captions', () => {
    const blocks = parseBody(
      '## 見出し\n\n**本文**の[リンク](/a)。\n\n> 引 用\n\n- 一\n- 二\n\n::figure[写真の説明]{src="/a.webp" alt="代替"}',
    );
    // 見出し(3) + 本文のリンク。(7) + 引用(2) + 一二(2)
    expect(countReadingCharacters(blocks)).toBe(14);
  });

  it('counts a character outside the BMP once', () => {
    expect(countReadingCharacters(parseBody('𠮷野家'))).toBe(3);
  });

  it('is zero for an empty body', () => {
    expect(countReadingCharacters(parseBody(''))).toBe(0);
  });
});

describe('getReadingMinutes', () => {
  it('reads 500 characters a minute', () => {
    expect(READING_CHARACTERS_PER_MINUTE).toBe(500);
    expect(getReadingMinutes(500)).toBe(1);
    expect(getReadingMinutes(1500)).toBe(3);
  });

  it('rounds up', () => {
    expect(getReadingMinutes(501)).toBe(2);
    expect(getReadingMinutes(1001)).toBe(3);
  });

  it('never says less than a minute', () => {
    expect(getReadingMinutes(0)).toBe(1);
    expect(getReadingMinutes(1)).toBe(1);
    expect(getReadingMinutes(-5)).toBe(1);
    expect(getReadingMinutes(Number.NaN)).toBe(1);
  });
});

describe('formatReadingTime', () => {
  it('labels the minutes', () => {
    expect(formatReadingTime(1200)).toBe('約3分');
    expect(formatReadingTime(0)).toBe('約1分');
  });
});
