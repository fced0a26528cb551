import { CONTROLS } from '../text/controls';

/**
 * The picture library's words and the body line a library picture becomes
 * (ADR 0046). Pure, so the editor's dialog builds the same `::figure` line
 * the tests check, and the library's route validates with the same limits.
 */

/** A picture in the library, as the newsroom's pages and the editor's dialog show it. */
export type LibraryPicture = {
  id: string;
  src: string;
  width: number;
  height: number;
  /** The stored file's size in bytes; null when it is not known. */
  byteSize: number | null;
  caption: string;
  credit: string;
  alt: string;
  /** Who uploaded it; null for pictures listed from older articles, or an account since removed. */
  uploadedBy: string | null;
  createdAt: string;
};

/** One page of the library: newest first, and whether there is a page after it. */
export type PicturePage = { pictures: LibraryPicture[]; page: number; hasNext: boolean };

/** Pictures on one page of the library (and of the editor's dialog). */
export const PICTURES_PER_PAGE = 24;

/** The same limits as the hero's fields (./draft.ts): a library picture may become a hero. */
export const PICTURE_LIMITS = { caption: 300, credit: 100, alt: 200 } as const;

export type { PictureFields } from './picture-schema';

/** Said when a picture goes into a body without alt text: docs/markdown-dialect.md asks for it on every figure. */
export const ALT_REQUIRED = '代替テキスト(写真の内容を文章で)を入力してください。本文の写真には必須です。';

/** Every ASCII punctuation mark: CommonMark lets a backslash make any of them literal, so the caption reads as typed. */
const MARKDOWN_PUNCTUATION = /[!-/:-@[-`{-~]/g;

/** A directive attribute is "…"-quoted and takes character references, not backslash escapes. */
function toAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

function toOneLine(value: string): string {
  return value
    .replace(CONTROLS, '')
    .replace(/[\t\r\n]+/g, ' ')
    .trim();
}

/**
 * The `::figure` line of a library picture, with its size so the page keeps
 * room for it; caption, credit and alt come out on the site exactly as typed
 * (brackets, asterisks, quotes and ampersands included).
 */
export function toFigureDirective(picture: Pick<LibraryPicture, 'src' | 'width' | 'height' | 'caption' | 'credit' | 'alt'>): string {
  const caption = toOneLine(picture.caption).replace(MARKDOWN_PUNCTUATION, (c) => `\\${c}`);
  const attributes = [
    `src="${toAttribute(picture.src)}"`,
    `alt="${toAttribute(toOneLine(picture.alt))}"`,
    ...(toOneLine(picture.credit) ? [`credit="${toAttribute(toOneLine(picture.credit))}"`] : []),
    `width="${Math.round(picture.width)}"`,
    `height="${Math.round(picture.height)}"`,
  ];
  return `::figure[${caption}]{${attributes.join(' ')}}`;
}

/**
 * `body` with `block` put in at the cursor (or over the selection) as a
 * paragraph of its own: a directive must sit alone on its line, so blank
 * lines are added around it where the text has none. Also where the cursor
 * should go after it (the start of the text that followed).
 */
export function insertBlock(body: string, start: number, end: number, block: string): { body: string; cursor: number } {
  const from = Math.max(0, Math.min(start, body.length));
  const to = Math.max(from, Math.min(end, body.length));
  const before = body.slice(0, from).replace(/[ \t]+$/, '');
  const after = body.slice(to).replace(/^[ \t]+/, '');
  const lead = before === '' ? '' : before.endsWith('\n\n') ? '' : before.endsWith('\n') ? '\n' : '\n\n';
  const trail = after === '' ? '\n' : after.startsWith('\n\n') ? '' : after.startsWith('\n') ? '\n' : '\n\n';
  const head = `${before}${lead}${block}${trail}`;
  return { body: head + after, cursor: head.length };
}
