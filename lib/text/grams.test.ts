import { describe, expect, it } from 'vitest';
import { gramToken, textGrams, titleGramTokens } from './grams';

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
