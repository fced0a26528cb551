import { describe, expect, it } from 'vitest';
import { articleBigramTokens, gramToken, textBigrams, textGrams, titleGramTokens } from './grams';

describe('textGrams', () => {
  it('lists every one- and two-character piece once, lowercased', () => {
    expect(textGrams('関税AI').sort()).toEqual(['a', 'ai', 'i', '税', '税a', '関', '関税'].sort());
    expect(textGrams('のの').sort()).toEqual(['の', 'のの']);
    expect(textGrams('')).toEqual([]);
  });

  it('counts code points, so a character outside the BMP is one character', () => {
    expect(textGrams('𠮷野').sort()).toEqual(['𠮷', '𠮷野', '野'].sort());
  });

  it('holds exactly the short words a text contains', () => {
    const text = '露朝関係と北朝鮮外交、100%_の"引用"';
    const grams = new Set(textGrams(text));
    for (const word of ['露朝', '北', '%_', '"引', '、1', 'の']) expect(grams.has(word), word).toBe(text.toLowerCase().includes(word));
    for (const word of ['朝露', '交%', 'ab']) expect(grams.has(word), word).toBe(false);
  });
});

describe('titleGramTokens', () => {
  it('writes each gram as hex, so the tokenizer cannot split it', () => {
    expect(gramToken('関税')).toBe('e996a2e7a88e');
    expect(gramToken('AI')).toBe(gramToken('ai'));
    expect(titleGramTokens('%', null)).toBe('25');
    expect(titleGramTokens('ab', 'b').split(' ').sort()).toEqual([gramToken('a'), gramToken('ab'), gramToken('b')].sort());
  });

  it('never joins the end of the headline to the start of the standfirst', () => {
    expect(titleGramTokens('東', '京').split(' ')).not.toContain(gramToken('東京'));
  });
});

describe('textBigrams', () => {
  it('lists every two-character piece once, lowercased, and no single characters', () => {
    expect(textBigrams('関税AI関税').sort()).toEqual(['ai', 'i関', '税a', '関税'].sort());
    expect(textBigrams('北')).toEqual([]);
    expect(textBigrams('')).toEqual([]);
  });

  it('holds exactly the two-character words a text contains, whitespace aside', () => {
    const text = '日米の関税交渉が合意に至った。\n\n100%_の"引用" 𠮷野家';
    const grams = new Set(textBigrams(text));
    for (const word of ['関税', '税交', '%_', '"引', '𠮷野', '。\n']) expect(grams.has(word), word).toBe(!/\s/u.test(word) && text.includes(word));
    for (const word of ['税関', '" ', ' 𠮷', '\n\n']) expect(grams.has(word), word).toBe(false);
  });
});

describe('articleBigramTokens', () => {
  it('indexes the headline, standfirst and body, never joining one to the next', () => {
    const tokens = articleBigramTokens('日米', '関税', '交渉').split(' ');
    expect(tokens.sort()).toEqual([gramToken('日米'), gramToken('関税'), gramToken('交渉')].sort());
    expect(tokens).not.toContain(gramToken('米関'));
    expect(articleBigramTokens('東', null, '京')).toBe('');
  });
});
