/**
 * The one- and two-character pieces ("grams") of headlines and standfirsts,
 * which site search indexes for words too short for trigrams (「AI」「関税」
 * 「北」, ADR 0007): a word of one or two characters is in a text exactly when
 * it is one of the text's grams. Lowercased, so search ignores case; counted
 * in code points, as PostgreSQL's `substr` counts them (migration 0009 has
 * the same function in SQL).
 */

/** Every distinct one- and two-character piece of `text`, lowercased. */
export function textGrams(text: string): string[] {
  const chars = Array.from(text.toLowerCase());
  const grams = new Set<string>(chars);
  for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i]! + chars[i + 1]!);
  return [...grams];
}

/**
 * A gram as SQLite's full-text table stores it: the hex of its UTF-8 bytes,
 * so FTS5's tokenizer keeps it whole whatever it holds (`%`, `"`, a space
 * after a comma, a kanji and a letter).
 */
export function gramToken(gram: string): string {
  return Buffer.from(gram.toLowerCase(), 'utf8').toString('hex');
}

/** The text SQLite indexes for one article: the tokens of its headline's and standfirst's grams, space-separated. */
export function titleGramTokens(headline: string, standfirst: string | null): string {
  const grams = new Set([...textGrams(headline), ...textGrams(standfirst ?? '')]);
  return [...grams].map(gramToken).join(' ');
}
