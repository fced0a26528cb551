/**
 * 字数 as a Japanese desk counts them, for the live counts under the
 * editor's fields. Pure and small: the editor (a client leaf) counts on
 * every keystroke, so the body is stripped of its Markdown by a few line
 * rules here rather than by the full parser (lib/text/markdown.ts).
 */
import { toEmbed } from '../text/embeds';

/**
 * The house limits an editor sees beside each count: guidance, never a
 * refusal (the hard limits are draft.ts's). 見出し of about 30 字 is the
 * usual length of a Japanese news site's web headline; リード and the
 * description stop where Japanese search results cut a snippet
 * (lib/seo/text.ts DESCRIPTION_LENGTH); a search title past about 32 全角
 * characters is cut in results.
 */
export const HOUSE_LIMITS = {
  headline: 30,
  standfirst: 120,
  seoTitle: 32,
  seoDescription: 120,
} as const;

export type CountedField = keyof typeof HOUSE_LIMITS;

// One segmenter for every count; Intl.Segmenter exists in Node 16+ and every browser the newsroom supports.
let segmenter: Intl.Segmenter | undefined;

/** How long a piece of text is given to Intl.Segmenter at once, in UTF-16 units. */
const PIECE = 512;

/**
 * A character that always starts a grapheme of its own (UAX #29): kana,
 * kanji, Latin letters, digits, spaces and Japanese punctuation are never
 * an extension of what precedes them, except after a zero-width joiner.
 * The half-width sound marks (U+FF9E, U+FF9F) are extensions, so not here.
 */
const STARTS_GRAPHEME = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}A-Za-z0-9\s、。「」]/u;

/**
 * `text` in pieces of about PIECE units, each cut before a character that
 * starts a grapheme, so counting the pieces counts the whole. Node's
 * Intl.Segmenter takes time quadratic in the length of what it is given
 * (one string of 20,000 字: 0.6 s; of 50,000: 4 s), which a long body or
 * a hostile request would otherwise pay on every count.
 */
function* splitForSegmenter(text: string): Generator<string> {
  let from = 0;
  while (text.length - from > PIECE) {
    let cut = from + PIECE;
    while (cut < text.length && (text[cut - 1] === '\u200d' || text[cut] === '\uff9e' || text[cut] === '\uff9f' || !STARTS_GRAPHEME.test(text[cut]!))) cut++;
    if (cut >= text.length) break;
    yield text.slice(from, cut);
    from = cut;
  }
  yield text.slice(from);
}

/**
 * Characters of `text` as a reader sees them: grapheme clusters, so 「𠮷」,
 * 「が」 written as か + ゛ and a flag emoji each count once. Line breaks are
 * not characters on a desk's count; spaces (full- or half-width) are.
 */
export function countCharacters(text: string): number {
  const flat = text.replace(/[\r\n]+/g, '');
  if (flat === '') return 0;
  segmenter ??= new Intl.Segmenter('ja', { granularity: 'grapheme' });
  let count = 0;
  for (const piece of splitForSegmenter(flat)) for (const segment of segmenter.segment(piece)) if (segment.segment !== '') count++;
  return count;
}

/**
 * The body's text without its Markdown (docs/markdown-dialect.md): heading,
 * quote and list markers, link targets, emphasis marks, figures, embedded
 * video and post addresses and page breaks go; what readers read stays.
 * Indentation is not text either.
 */
export function toCountableBody(body: string): string {
  return body
    .split(/\r\n?|\n/)
    .map((line) =>
      (toEmbed(line) === null ? line : '')
        .replace(/^\s*::[a-z]+(?:\[[^\]]*\])?(?:\{[^}]*\})?\s*$/i, '')
        .replace(/^\s*(?:#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)+/, '')
        .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/(\*\*|__)(.+?)\1/g, '$2')
        .replace(/(^|[^*])\*([^*\s][^*]*?)\*(?!\*)/g, '$1$2')
        .trim(),
    )
    .join('\n');
}

/** 字数 of the body as readers read it. */
export function countBodyCharacters(body: string): number {
  return countCharacters(toCountableBody(body));
}

/** How a count stands against its house limit, with the words an editor sees (not colour alone). */
export function describeCount(count: number, limit: number | null): { over: boolean; text: string } {
  if (limit === null) return { over: false, text: `${count}字` };
  if (count > limit) return { over: true, text: `${count}字/目安${limit}字(${count - limit}字超過)` };
  return { over: false, text: `${count}字/目安${limit}字` };
}
