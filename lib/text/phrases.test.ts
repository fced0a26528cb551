import { describe, expect, it } from 'vitest';
import { repairPhraseBoundaries, splitPhrases } from './phrases';

const headline = '北海連合の外相が「対話の扉は開いている」と強調';

/** Whether some phrase boundary falls strictly inside `word`'s occurrence in the joined text. */
function cuts(phrases: string[], word: string): boolean {
  const start = phrases.join('').indexOf(word);
  if (start < 0) throw new Error(`${word} is not in the text`);
  let offset = 0;
  for (const phrase of phrases.slice(0, -1)) {
    offset += phrase.length;
    if (offset > start && offset < start + word.length) return true;
  }
  return false;
}

describe('splitPhrases', () => {
  it('splits a headline into several phrases that join back to it', () => {
    const phrases = splitPhrases(headline);
    expect(phrases.length).toBeGreaterThan(3);
    expect(phrases.join('')).toBe(headline);
  });

  it('never breaks inside a word', () => {
    const phrases = splitPhrases(headline);
    for (const word of ['北海連合', '外相', '対話', '強調']) expect(cuts(phrases, word), word).toBe(false);
  });

  it('keeps ASCII words whole', () => {
    const text = 'OpenAIとMicrosoftが提携 COVID-19対策とiPhone 16の3.5%値下げ';
    const phrases = splitPhrases(text);
    expect(phrases.join('')).toBe(text);
    for (const word of ['OpenAI', 'Microsoft', 'COVID-19', 'iPhone', '3.5%']) expect(cuts(phrases, word), word).toBe(false);
  });

  it('keeps characters outside the BMP and emoji sequences whole', () => {
    const text = '𠮷野家の👨‍👩‍👧家族向け新メニュー';
    const phrases = splitPhrases(text);
    expect(phrases.join('')).toBe(text);
    expect(cuts(phrases, '𠮷')).toBe(false);
    expect(cuts(phrases, '👨‍👩‍👧')).toBe(false);
  });

  it('gives nothing for empty text', () => {
    expect(splitPhrases('')).toEqual([]);
  });
});

describe('repairPhraseBoundaries', () => {
  it('glues phrases that would cut an ASCII word', () => {
    expect(repairPhraseBoundaries(['Micro', 'softが', '発表'])).toEqual(['Microsoftが', '発表']);
  });

  it('does not glue across a space or Japanese', () => {
    expect(repairPhraseBoundaries(['iPhone ', '16を', '発表'])).toEqual(['iPhone ', '16を', '発表']);
  });

  it('glues split surrogate pairs, combining marks and joiners', () => {
    expect(repairPhraseBoundaries(['\uD842', '\uDFB7野家'])).toEqual(['𠮷野家']);
    expect(repairPhraseBoundaries(['カ', '\u309Aの'])).toEqual(['カ\u309Aの']);
    expect(repairPhraseBoundaries(['👨\u200D', '👩'])).toEqual(['👨\u200D👩']);
  });

  it('drops empty phrases', () => {
    expect(repairPhraseBoundaries(['', '北海', ''])).toEqual(['北海']);
  });
});
