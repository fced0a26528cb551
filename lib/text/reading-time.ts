import { type Block, toPlainText } from './markdown';

/**
 * Characters of Japanese body text an adult reads in a minute. Published
 * estimates for silent reading cluster around 400–600; 500 is the figure
 * Japanese news sites commonly use for 「約N分で読めます」.
 */
export const READING_CHARACTERS_PER_MINUTE = 500;

/**
 * How many characters a reader reads in `blocks`: Unicode code points of
 * {@link toPlainText}, whitespace excluded (so 「𠮷」 counts once, not as two
 * UTF-16 units). Figure captions are not counted.
 */
export function countReadingCharacters(blocks: Block[]): number {
  let count = 0;
  for (const char of toPlainText(blocks)) if (!/\s/u.test(char)) count++;
  return count;
}

/**
 * Whole minutes needed to read `chars` characters at
 * {@link READING_CHARACTERS_PER_MINUTE}, rounded up and never less than 1,
 * since 「約0分」 tells a reader nothing.
 */
export function getReadingMinutes(chars: number): number {
  if (!Number.isFinite(chars) || chars <= 0) return 1;
  return Math.max(1, Math.ceil(chars / READING_CHARACTERS_PER_MINUTE));
}

/** The reading-time label for `chars` characters, e.g. `約3分`. */
export function formatReadingTime(chars: number): string {
  return `約${getReadingMinutes(chars)}分`;
}
