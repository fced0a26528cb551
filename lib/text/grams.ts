/**
 * The short pieces ("grams") of an article's text that site search indexes
 * for words too short for trigrams (ADR 0007, ADR 0029): a word of one or two
 * characters is in a text exactly when it is one of the text's grams.
 * - one- and two-character pieces of the headline and standfirst, for
 *   one-character words (「北」), which are looked for there only (migration
 *   0009);
 * - two-character pieces (bigrams, as Lucene's CJKAnalyzer indexes Japanese)
 *   of the headline, standfirst and body, for two-character words (「関税」
 *   「AI」), looked for everywhere (migration 0013).
 * Lowercased, so search ignores case; counted in code points, as PostgreSQL
 * counts characters (the migrations have the same functions in SQL).
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

// A search word never holds whitespace (the query is split on it), so a piece
// that does could never be searched for: leaving it out keeps the index smaller.
const WHITESPACE = /\s/u;

/** Every distinct two-character piece of `text` without whitespace in it, lowercased. */
export function textBigrams(text: string): string[] {
  const chars = Array.from(text.toLowerCase());
  const grams = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) {
    const gram = chars[i]! + chars[i + 1]!;
    if (!WHITESPACE.test(gram)) grams.add(gram);
  }
  return [...grams];
}

/**
 * The text SQLite indexes for one article's two-character words: the tokens
 * of the bigrams of its headline, standfirst and body, each field on its own
 * (a piece never spans two of them), space-separated.
 */
export function articleBigramTokens(headline: string, standfirst: string | null, body: string): string {
  const grams = new Set([...textBigrams(headline), ...textBigrams(standfirst ?? ''), ...textBigrams(body)]);
  return [...grams].map(gramToken).join(' ');
}
