/**
 * The body of a fixed page (会社概要, プライバシーポリシー, 利用規約,
 * お問い合わせ; docs/adr/0048-fixed-pages.md): the article body's dialect
 * (docs/markdown-dialect.md, parsed by the same `parseBody`), less page
 * breaks, plus two things only these pages need:
 *
 * - **Places for the publisher's settings.** `{{会社名}}`, `{{所在地}}`,
 *   `{{代表者}}`, `{{設立}}` and `{{メールアドレス}}` (a mail link) in text;
 *   `{{会社情報}}` (the company's table) and `{{お問い合わせ先}}` (the mail
 *   box) alone on a line. They are filled from SITE_PUBLISHER_* when the
 *   page renders, so the company's details are set in one place and a page
 *   never shows a stale copy of them.
 * - **Anchors other pages link to.** `## 2. メールマガジン {#newsletter}`
 *   gives the heading the id `newsletter` instead of one made from its
 *   text: the signup forms link `/privacy#newsletter`, the publisher's
 *   JSON-LD `/about#editorial-policy`, and those must survive a rewording.
 *
 * Pure: the newsroom's save checks a body with {@link checkFixedPageBody},
 * and the reader page and the editor's preview shape one with
 * {@link toFixedPageBlocks}.
 */
import { formatFoundedDate, type Publisher } from '../site/publisher';
import { parseBody, type Block, type HeadingBlock, type Inline, type ListBlock, type ParagraphBlock, type QuoteBlock, type QuoteChild } from './markdown';

/** `{{会社情報}}`: the company's table (会社名, 所在地, 設立, 代表者, お問い合わせ) from the settings. */
export type PublisherBlock = { type: 'publisher' };
/** `{{お問い合わせ先}}`: the contact address in a box of its own. */
export type ContactBlock = { type: 'contact' };
/** A fixed page's blocks: an article's, less page breaks, plus the publisher's two blocks. */
export type FixedPageBlock = Exclude<Block, { type: 'pagebreak' }> | PublisherBlock | ContactBlock;

/** The places a sentence can name, and what fills each. */
const INLINE_PLACES = {
  会社名: (p: Publisher) => p.name,
  所在地: (p: Publisher) => p.address,
  代表者: (p: Publisher) => p.representative,
  設立: (p: Publisher) => formatFoundedDate(p.founded),
  メールアドレス: (p: Publisher) => p.contactEmail,
} as const;

/** The places that are a block of their own, alone on a line. */
const BLOCK_PLACES = { 会社情報: 'publisher', お問い合わせ先: 'contact' } as const;

type InlinePlace = keyof typeof INLINE_PLACES;
type BlockPlace = keyof typeof BLOCK_PLACES;

/** Every place an editor may write, in the order the editor's help lists them. */
export const FIXED_PAGE_PLACES: readonly string[] = [...Object.keys(INLINE_PLACES), ...Object.keys(BLOCK_PLACES)];

// Up to 20 characters between the braces, spaces inside allowed (`{{ 会社名 }}`): longer is prose, not a place.
const PLACE = /\{\{\s*([^{}\s]{1,20})\s*\}\}/g;
// A heading's own anchor at its very end; what may stand inside is checked separately, so a bad one is reported, not read as text.
const ANCHOR_SUFFIX = /\s*\{#([^{}\s]*)\}$/;
const ANCHOR = /^[a-z][a-z0-9-]{0,39}$/;

/**
 * Ids the page around the body already uses (components/layout, the
 * newsletter form): an anchor must not take one, or the skip link and the
 * form's labels would point into the policy. `h-…` is the dialect's own
 * heading ids' (lib/text/markdown.ts).
 */
const RESERVED_IDS = new Set(['main', 'header-search-q', 'footer-site-links', 'newsletter-privacy-note', 'not-found-q', 'share-links']);

function isInlinePlace(name: string): name is InlinePlace {
  return Object.hasOwn(INLINE_PLACES, name);
}

function isBlockPlace(name: string): name is BlockPlace {
  return Object.hasOwn(BLOCK_PLACES, name);
}

/* ---------------------------------------------------------------- anchors */

/** A heading with its `{#id}` taken off its text and made its id; null when it has none. */
function readAnchor(heading: HeadingBlock): { anchor: string; heading: HeadingBlock } | null {
  const match = ANCHOR_SUFFIX.exec(heading.text);
  const last = heading.inlines.at(-1);
  // Only plain text at the end: `**…{#x}**` is emphasis the editor meant, not an anchor.
  if (!match || last?.type !== 'text' || !ANCHOR_SUFFIX.test(last.value)) return null;
  const value = last.value.replace(ANCHOR_SUFFIX, '');
  const inlines: Inline[] = value === '' ? heading.inlines.slice(0, -1) : [...heading.inlines.slice(0, -1), { type: 'text', value }];
  return { anchor: match[1]!, heading: { ...heading, text: heading.text.replace(ANCHOR_SUFFIX, ''), inlines } };
}

function isUsableAnchor(anchor: string): boolean {
  return ANCHOR.test(anchor) && !anchor.startsWith('h-') && !RESERVED_IDS.has(anchor);
}

/* ----------------------------------------------------------------- places */

function fillText(value: string, publisher: Publisher, inLink: boolean): Inline[] {
  const out: Inline[] = [];
  let from = 0;
  for (const match of value.matchAll(PLACE)) {
    const name = match[1]!;
    const at = match.index;
    out.push({ type: 'text', value: value.slice(from, at) });
    from = at + match[0].length;
    if (isInlinePlace(name)) {
      const text = INLINE_PLACES[name](publisher);
      // A mail address is a link of its own, except inside a link the editor wrote (a link in a link is invalid HTML).
      out.push(name === 'メールアドレス' && !inLink ? { type: 'link', href: `mailto:${text}`, children: [{ type: 'text', value: text }] } : { type: 'text', value: text });
    } else if (!isBlockPlace(name)) {
      // Unknown: the save refuses it, so only text saved before a place was renamed gets here; show what was typed.
      out.push({ type: 'text', value: match[0] });
    }
    // A block place inside a sentence is refused on save too; it has nothing to show in one.
  }
  out.push({ type: 'text', value: value.slice(from) });
  return mergeText(out);
}

function mergeText(inlines: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const inline of inlines) {
    const last = out.at(-1);
    if (inline.type === 'text' && inline.value === '') continue;
    if (inline.type === 'text' && last?.type === 'text') out[out.length - 1] = { type: 'text', value: last.value + inline.value };
    else out.push(inline);
  }
  return out;
}

function fillInlines(inlines: Inline[], publisher: Publisher, inLink = false): Inline[] {
  return mergeText(
    inlines.flatMap((inline): Inline[] => {
      switch (inline.type) {
        case 'text':
          return fillText(inline.value, publisher, inLink);
        case 'strong':
        case 'emphasis':
          return [{ ...inline, children: fillInlines(inline.children, publisher, inLink) }];
        case 'link':
          return [{ ...inline, children: fillInlines(inline.children, publisher, true) }];
        case 'break':
          return [inline];
      }
    }),
  );
}

/** The block place a paragraph is, when it holds nothing else. */
function toBlockPlace(paragraph: ParagraphBlock): BlockPlace | null {
  const [only, ...rest] = paragraph.inlines;
  if (rest.length > 0 || only?.type !== 'text') return null;
  const match = /^\s*\{\{\s*([^{}\s]{1,20})\s*\}\}\s*$/.exec(only.value);
  return match && isBlockPlace(match[1]!) ? match[1] : null;
}

function fillQuoteChild(block: QuoteChild, publisher: Publisher): QuoteChild {
  switch (block.type) {
    case 'paragraph':
      return { ...block, inlines: fillInlines(block.inlines, publisher) };
    case 'list':
      return fillList(block, publisher);
    case 'quote':
      return fillQuote(block, publisher);
    case 'figure':
      return block;
  }
}

function fillList(list: ListBlock, publisher: Publisher): ListBlock {
  return { ...list, items: list.items.map((item) => fillInlines(item, publisher)) };
}

function fillQuote(quote: QuoteBlock, publisher: Publisher): QuoteBlock {
  return { ...quote, blocks: quote.blocks.map((b) => fillQuoteChild(b, publisher)) };
}

/**
 * A fixed page's body as blocks to render: page breaks dropped (a fixed
 * page is one page), headings given their `{#id}` anchors, and the
 * publisher's places filled from `publisher`. What the dialect refuses
 * (raw HTML, unsafe links) never arrives, as for articles.
 */
export function toFixedPageBlocks(body: string, publisher: Publisher): FixedPageBlock[] {
  const blocks: FixedPageBlock[] = [];
  for (const block of parseBody(body)) {
    switch (block.type) {
      case 'pagebreak':
        continue;
      case 'heading': {
        const anchored = readAnchor(block);
        const heading = anchored && isUsableAnchor(anchored.anchor) ? { ...anchored.heading, id: anchored.anchor } : block;
        blocks.push({ ...heading, inlines: fillInlines(heading.inlines, publisher) });
        continue;
      }
      case 'paragraph': {
        const place = toBlockPlace(block);
        if (place) blocks.push({ type: BLOCK_PLACES[place] });
        else {
          const inlines = fillInlines(block.inlines, publisher);
          if (inlines.length > 0) blocks.push({ ...block, inlines });
        }
        continue;
      }
      case 'list':
        blocks.push(fillList(block, publisher));
        continue;
      case 'quote':
        blocks.push(fillQuote(block, publisher));
        continue;
      default:
        blocks.push(block);
    }
  }
  // Two headings with one anchor: the second falls back to its text's id, so no id is on the page twice.
  const seen = new Set<string>();
  return blocks.map((block) => {
    if (block.type !== 'heading') return block;
    if (!seen.has(block.id)) {
      seen.add(block.id);
      return block;
    }
    let id = `h-${block.id}`;
    for (let n = 2; seen.has(id); n++) id = `h-${block.id}-${n}`;
    seen.add(id);
    return { ...block, id };
  });
}

/* ----------------------------------------------------------------- checks */

function collectText(inlines: Inline[]): string[] {
  return inlines.flatMap((inline) => (inline.type === 'text' ? [inline.value] : inline.type === 'break' ? [] : collectText(inline.children)));
}

function collectBlockText(block: Block): string[] {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      return collectText(block.inlines);
    case 'list':
      return block.items.flatMap(collectText);
    case 'quote':
      return block.blocks.flatMap(collectBlockText);
    default:
      return [];
  }
}

/**
 * What is wrong with a fixed page's body, in Japanese, one line each (empty
 * when nothing is): a place that does not exist, a block place inside a
 * sentence, an anchor that is malformed, reserved or used twice. The save
 * refuses such a body with these lines; the editor shows them as it
 * previews.
 */
export function checkFixedPageBody(body: string): string[] {
  const problems = new Set<string>();
  const anchors = new Set<string>();
  for (const block of parseBody(body)) {
    if (block.type === 'paragraph' && toBlockPlace(block)) continue;
    if (block.type === 'heading') {
      const anchored = readAnchor(block);
      if (anchored) {
        const { anchor } = anchored;
        if (!ANCHOR.test(anchor)) problems.add(`見出しの名前 {#${anchor}} には、半角の英小文字で始まる40字以内の英小文字・数字・ハイフンを使ってください。`);
        else if (!isUsableAnchor(anchor)) problems.add(`見出しの名前 {#${anchor}} はページのほかの部分が使っています。別の名前にしてください。`);
        else if (anchors.has(anchor)) problems.add(`見出しの名前 {#${anchor}} が2か所にあります。1つのページでは1度だけ使えます。`);
        anchors.add(anchor);
      }
    }
    for (const text of collectBlockText(block)) {
      for (const match of text.matchAll(PLACE)) {
        const name = match[1]!;
        if (isBlockPlace(name)) problems.add(`{{${name}}} は前後を空けて、1行に単独で書いてください。`);
        else if (!isInlinePlace(name)) problems.add(`{{${name}}} という差し込み項目はありません。使えるのは ${FIXED_PAGE_PLACES.map((p) => `{{${p}}}`).join(' ')} です。`);
      }
    }
  }
  return [...problems];
}
