import { loadDefaultJapaneseParser } from 'budoux';

// Loading unpacks the model (tens of kB of weights); do it once per process.
const parser = loadDefaultJapaneseParser();

// Joins BudouX must never break: inside a run of ASCII letters, digits and
// punctuation (a word, `COVID-19`, `3.5%`), between a surrogate pair, before a
// combining mark or variation selector, and on either side of a zero-width joiner.
const ASCII_WORD_END = /[!-~]$/;
const ASCII_WORD_START = /^[!-~]/;
const GLUED_END = /[\uD800-\uDBFF\u200D]$/;
const GLUED_START = /^[\uDC00-\uDFFF\u200D\p{M}]/u;

/**
 * Merges neighbouring phrases wherever the join would cut a word or a
 * character in two, so a wrap opportunity is only ever offered between
 * phrases a reader would accept. Separate from {@link splitPhrases} because
 * the model's output cannot be forced to show these cases in a test.
 */
export function repairPhraseBoundaries(phrases: string[]): string[] {
  const out: string[] = [];
  for (const phrase of phrases) {
    if (phrase === '') continue;
    const last = out.at(-1);
    const glued =
      last !== undefined &&
      ((ASCII_WORD_END.test(last) && ASCII_WORD_START.test(phrase)) || GLUED_END.test(last) || GLUED_START.test(phrase));
    if (glued) out[out.length - 1] = last + phrase;
    else out.push(phrase);
  }
  return out;
}

/**
 * Splits Japanese text into phrases (文節) with BudouX so a headline can wrap
 * only between them (`<wbr>` + `word-break: keep-all`) instead of mid-word.
 * Runs on the server: readers download no model and no script. Joining the
 * result gives back `text` exactly; empty text gives no phrases.
 */
export function splitPhrases(text: string): string[] {
  if (text === '') return [];
  return repairPhraseBoundaries(parser.parse(text));
}
