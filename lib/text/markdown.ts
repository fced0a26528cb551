/**
 * Kiji's article-body dialect (docs/markdown-dialect.md), parsed once into
 * typed, already-sanitised blocks so that components only map blocks to
 * elements and never parse, guess or escape.
 *
 * Safety is by construction: the block types have no field that can carry
 * markup, every URL passes an allowlist here, and React escapes all text.
 */
import type {
  Definition,
  Image,
  ImageReference,
  List,
  ListItem,
  PhrasingContent,
  Root,
  RootContent,
} from 'mdast';
import type { LeafDirective, TextDirective } from 'mdast-util-directive';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { type EmbedBlock, toEmbed } from './embeds';

export type { EmbedBlock } from './embeds';

export type TextInline = { type: 'text'; value: string };
export type StrongInline = { type: 'strong'; children: Inline[] };
export type EmphasisInline = { type: 'emphasis'; children: Inline[] };
/** `href` has passed {@link toSafeHref}. */
export type LinkInline = { type: 'link'; href: string; children: Inline[] };
export type BreakInline = { type: 'break' };
export type Inline = TextInline | StrongInline | EmphasisInline | LinkInline | BreakInline;

export type ParagraphBlock = { type: 'paragraph'; inlines: Inline[] };
export type HeadingBlock = {
  type: 'heading';
  /** `#` and `##` are both 2: the page's headline is the only h1. `####`+ are 3. */
  level: 2 | 3;
  /** Unique within the whole article (not just its page), for `#` links. */
  id: string;
  /** The heading without markup, for tables of contents and anchors. */
  text: string;
  inlines: Inline[];
};
/** What a quotation may hold: headings and page breaks would leak into the article's outline and paging. */
export type QuoteChild = ParagraphBlock | ListBlock | QuoteBlock | FigureBlock;
export type QuoteBlock = { type: 'quote'; blocks: QuoteChild[] };
export type ListBlock = {
  type: 'list';
  ordered: boolean;
  /** First number of an ordered list when it is not 1 (`3. …`). */
  start?: number;
  /** One inline run per item; nested lists are flattened into their parent item. */
  items: Inline[][];
};
export type FigureBlock = {
  type: 'figure';
  /** Site-relative or https only; see {@link toSafeImageSrc}. */
  src: string;
  alt: string;
  /** Empty string when there is none. */
  caption: string;
  /** Photographer or agency; empty string when there is none. */
  credit: string;
  /** Intrinsic size in CSS pixels; both present or both absent. */
  width?: number;
  height?: number;
};
export type PagebreakBlock = { type: 'pagebreak' };
export type Block = ParagraphBlock | HeadingBlock | QuoteBlock | ListBlock | FigureBlock | EmbedBlock | PagebreakBlock;

// Frozen once at module load; `parse` is synchronous and keeps no state between calls.
const processor = unified().use(remarkParse).use(remarkDirective).freeze();

/* ------------------------------------------------------------------ URLs */

const LINK_SCHEMES = new Set(['https', 'http', 'mailto']);
const PROBE_ORIGIN = 'https://kiji.invalid';

/**
 * What a browser will actually follow: the WHATWG URL parser drops ASCII
 * tab/LF/CR anywhere and C0 controls/spaces at both ends, which is how
 * `java\nscript:` and ` javascript:` sneak past naive prefix checks.
 */
function toBrowserUrl(raw: string): string {
  return raw.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
}

function isSiteRelative(url: string): boolean {
  // `//host` is protocol-relative and browsers treat `/\host` the same way.
  if (!url.startsWith('/') || url.startsWith('//') || url.startsWith('/\\')) return false;
  try {
    return new URL(url, PROBE_ORIGIN).origin === PROBE_ORIGIN;
  } catch {
    return false;
  }
}

/**
 * The href to use for a link written by an editor, or null when it must not
 * be a link. Allowlist, not blocklist: site-relative paths (`/…`, not `//…`),
 * fragments (`#…`), `https:`, `http:` and `mailto:`. Everything else —
 * `javascript:`, `data:`, `vbscript:`, relative paths, unknown schemes, and
 * obfuscations a browser would normalise — is refused.
 */
export function toSafeHref(raw: string): string | null {
  const url = toBrowserUrl(raw);
  if (url.startsWith('#')) return url;
  if (isSiteRelative(url)) return url;
  const scheme = /^([a-z][a-z\d+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme === undefined || !LINK_SCHEMES.has(scheme)) return null;
  try {
    // Serialised, so the markup shows the address the browser will use (`https:\\host` → `https://host/`).
    return new URL(url).href;
  } catch {
    return null;
  }
}

/**
 * The src to use for a body image, or null when it must not be shown:
 * site-relative paths (`/…`, not `//…`) or `https:` URLs with a host. No
 * `http:` (mixed content) and no `data:` (unbounded, unreviewable payloads).
 */
export function toSafeImageSrc(raw: string): string | null {
  const url = toBrowserUrl(raw);
  if (isSiteRelative(url)) return url;
  if (!/^https:/i.test(url)) return null;
  try {
    const parsed = new URL(url);
    return parsed.hostname === '' ? null : parsed.href;
  } catch {
    return null;
  }
}

/* --------------------------------------------------------------- inlines */

type Context = {
  source: string;
  definitions: Map<string, Definition>;
  headingIds: Set<string>;
};

// Characters between which a source line break is not a word space: Han,
// kana, the prolonged-sound mark and middle dot, CJK and full-width punctuation.
const WIDE = String.raw`[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30FB\u30FC\u3000-\u303F\uFF00-\uFFEF]`;
const WIDE_SOFT_BREAK = new RegExp(`(?<=${WIDE})\\n(?=${WIDE})`, 'gu');

function toTextInline(value: string): TextInline {
  // Browsers render a source newline as a space, which is a typo between two
  // Japanese characters; editors wrap long lines without meaning one.
  return { type: 'text', value: value.replace(WIDE_SOFT_BREAK, '') };
}

/**
 * remark-directive reads `:name` inside text as a directive, so ordinary
 * prose such as `10:30` or `3:2` arrives as text directives. None are part of
 * the dialect; give the reader back exactly what the editor typed.
 */
function restoreTextDirective(node: TextDirective, ctx: Context): Inline[] {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start !== undefined && end !== undefined) return [toTextInline(ctx.source.slice(start, end))];
  return [{ type: 'text', value: `:${node.name}` }, ...toInlines(node.children, ctx)];
}

function toLink(url: string, children: Inline[]): Inline[] {
  const href = toSafeHref(url);
  if (href === null) return children;
  // A link with nothing to read is an invisible, unlabelled tab stop.
  if (inlinesToText(children).trim() === '') return [];
  return [{ type: 'link', href, children }];
}

function toInline(node: PhrasingContent, ctx: Context): Inline[] {
  switch (node.type) {
    case 'text':
      return [toTextInline(node.value)];
    case 'inlineCode':
      return [{ type: 'text', value: node.value }];
    case 'break':
      return [{ type: 'break' }];
    case 'strong':
    case 'emphasis': {
      const children = toInlines(node.children, ctx);
      return children.length === 0 ? [] : [{ type: node.type, children }];
    }
    case 'delete':
      return toInlines(node.children, ctx);
    case 'link':
      return toLink(node.url, toInlines(node.children, ctx));
    case 'linkReference': {
      const definition = ctx.definitions.get(node.identifier);
      const children = toInlines(node.children, ctx);
      return definition === undefined ? children : toLink(definition.url, children);
    }
    case 'textDirective':
      return restoreTextDirective(node, ctx);
    // Raw HTML is not part of the dialect and is never rendered, not even escaped:
    // a visible `<br>` or `<!-- note -->` helps no reader.
    case 'html':
    // Images become figures at paragraph level; one nested in a link or
    // emphasis has no sensible figure position and is left out.
    case 'image':
    case 'imageReference':
    case 'footnoteReference':
      return [];
    default:
      return [];
  }
}

/** Merges neighbouring text so renderers and tests see one node per run. */
function normaliseInlines(inlines: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const inline of inlines) {
    const last = out.at(-1);
    if (inline.type === 'text') {
      if (inline.value === '') continue;
      if (last?.type === 'text') {
        out[out.length - 1] = { type: 'text', value: last.value + inline.value };
        continue;
      }
    }
    out.push(inline);
  }
  return out;
}

function toInlines(nodes: PhrasingContent[], ctx: Context): Inline[] {
  return normaliseInlines(nodes.flatMap((node) => toInline(node, ctx)));
}

function inlinesToText(inlines: Inline[]): string {
  return inlines
    .map((inline) => {
      switch (inline.type) {
        case 'text':
          return inline.value;
        case 'break':
          return '\n';
        case 'strong':
        case 'emphasis':
        case 'link':
          return inlinesToText(inline.children);
      }
    })
    .join('');
}

/* ---------------------------------------------------------------- blocks */

function toSlug(text: string): string {
  return Array.from(
    text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\p{M}]+/gu, '-')
      .replace(/^-+|-+$/g, ''),
  )
    .slice(0, 48)
    .join('')
    .replace(/-+$/, '');
}

/**
 * Ids come from the heading text so shared `#` links survive edits elsewhere
 * in the article. The `h-` prefix keeps them clear of the layout's own ids
 * (a heading 「Main」 must not steal the skip link's `#main`).
 */
function toHeadingId(text: string, ctx: Context): string {
  const base = `h-${toSlug(text) || 'section'}`;
  let id = base;
  for (let n = 2; ctx.headingIds.has(id); n++) id = `${base}-${n}`;
  ctx.headingIds.add(id);
  return id;
}

function isBlank(inlines: Inline[]): boolean {
  return inlines.every((inline) => inline.type === 'break' || (inline.type === 'text' && inline.value.trim() === ''));
}

function toParagraph(inlines: Inline[]): ParagraphBlock[] {
  return isBlank(inlines) ? [] : [{ type: 'paragraph', inlines }];
}

function toDimension(value: string | null | undefined): number | undefined {
  if (value == null || !/^\d{1,5}$/.test(value)) return undefined;
  const n = Number(value);
  return n > 0 ? n : undefined;
}

function toFigure(fields: {
  src: string;
  alt: string;
  caption: string;
  credit: string;
  width?: string | null;
  height?: string | null;
}): FigureBlock[] {
  const src = toSafeImageSrc(fields.src);
  if (src === null) return [];
  const figure: FigureBlock = {
    type: 'figure',
    src,
    alt: fields.alt.trim(),
    caption: fields.caption.trim(),
    credit: fields.credit.trim(),
  };
  const width = toDimension(fields.width);
  const height = toDimension(fields.height);
  // One dimension alone would let next/image invent the other and distort the picture.
  if (width !== undefined && height !== undefined) {
    figure.width = width;
    figure.height = height;
  }
  return [figure];
}

function imageToFigure(node: Image | ImageReference, ctx: Context): FigureBlock[] {
  const target = node.type === 'image' ? node : ctx.definitions.get(node.identifier);
  if (target === undefined) return [];
  return toFigure({ src: target.url, alt: node.alt ?? '', caption: target.title ?? '', credit: '' });
}

/** A paragraph, split around the images in it, which become figures in reading order. */
function paragraphToBlocks(children: PhrasingContent[], ctx: Context): Block[] {
  const blocks: Block[] = [];
  let run: PhrasingContent[] = [];
  for (const child of children) {
    if (child.type === 'image' || child.type === 'imageReference') {
      blocks.push(...toParagraph(toInlines(run, ctx)), ...imageToFigure(child, ctx));
      run = [];
    } else {
      run.push(child);
    }
  }
  blocks.push(...toParagraph(toInlines(run, ctx)));
  return blocks;
}

function leafDirectiveToBlocks(node: LeafDirective, ctx: Context): Block[] {
  const attributes = node.attributes ?? {};
  switch (node.name) {
    case 'figure':
      // `motif` only tells the demo image generator what to draw.
      return toFigure({
        src: attributes.src ?? '',
        alt: attributes.alt ?? '',
        caption: inlinesToText(toInlines(node.children, ctx)),
        credit: attributes.credit ?? '',
        width: attributes.width,
        height: attributes.height,
      });
    case 'pagebreak':
      return [{ type: 'pagebreak' }];
    default:
      return [];
  }
}

/** One list item as a single inline run; its paragraphs and sub-items are separated by line breaks. */
function blocksToInlines(blocks: Block[]): Inline[] {
  const runs = blocks.flatMap((block): Inline[][] => {
    switch (block.type) {
      case 'paragraph':
      case 'heading':
        return [block.inlines];
      case 'list':
        return block.items;
      case 'quote':
        return [blocksToInlines(block.blocks)];
      case 'embed':
        return [embedToParagraph(block).inlines];
      case 'figure':
      case 'pagebreak':
        return [];
    }
  });
  return normaliseInlines(runs.flatMap((run, i) => (i === 0 ? run : [{ type: 'break' } as const, ...run])));
}

function listToBlocks(node: List, ctx: Context): ListBlock[] {
  const items = node.children
    .map((item: ListItem) => blocksToInlines(toBlocks(item.children, ctx)))
    .filter((inlines) => !isBlank(inlines));
  if (items.length === 0) return [];
  const list: ListBlock = { type: 'list', ordered: node.ordered === true, items };
  if (list.ordered && typeof node.start === 'number' && node.start !== 1) list.start = node.start;
  return [list];
}

function toQuoteChildren(blocks: Block[]): QuoteChild[] {
  return blocks.flatMap((block): QuoteChild[] => {
    switch (block.type) {
      case 'heading':
        return [{ type: 'paragraph', inlines: block.inlines }];
      case 'pagebreak':
        return [];
      case 'embed':
        return [embedToParagraph(block)];
      default:
        return [block];
    }
  });
}

function toBlock(node: RootContent, ctx: Context): Block[] {
  switch (node.type) {
    case 'paragraph':
      return paragraphToBlocks(node.children, ctx);
    case 'heading': {
      const inlines = toInlines(node.children, ctx);
      const text = inlinesToText(inlines).replace(/\s+/g, ' ').trim();
      if (text === '') return [];
      const level = node.depth <= 2 ? 2 : 3;
      return [{ type: 'heading', level, id: toHeadingId(text, ctx), text, inlines }];
    }
    case 'blockquote': {
      const blocks = toQuoteChildren(toBlocks(node.children, ctx));
      return blocks.length === 0 ? [] : [{ type: 'quote', blocks }];
    }
    case 'list':
      return listToBlocks(node, ctx);
    case 'leafDirective':
      return leafDirectiveToBlocks(node, ctx);
    case 'code': {
      // Not part of the dialect, but a pasted indented passage is prose, not something to lose.
      const lines = node.value.split('\n');
      return toParagraph(
        lines.flatMap((line, i): Inline[] => (i === 0 ? [{ type: 'text', value: line }] : [{ type: 'break' }, { type: 'text', value: line }])),
      );
    }
    // Unknown `:::` containers are dropped with their contents, like unknown
    // `::` leaves: an editor who reaches for one expects behaviour we lack.
    case 'containerDirective':
    case 'html':
    case 'thematicBreak':
    case 'definition':
      return [];
    default:
      return [];
  }
}

function toBlocks(nodes: RootContent[], ctx: Context): Block[] {
  return nodes.flatMap((node) => toBlock(node, ctx));
}

/**
 * A paragraph that is nothing but the address of a YouTube video or an X
 * post (bare, or as an `<…>` autolink) is an embed (docs/adr/0042-embeds.md).
 * Read from the source, not the parsed text: an address such as
 * `x.com/_a_/status/1` would otherwise arrive with its underscores taken
 * for emphasis.
 */
function toEmbedBlock(node: RootContent, ctx: Context): EmbedBlock | null {
  if (node.type !== 'paragraph') return null;
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return null;
  const source = ctx.source.slice(start, end).trim();
  return toEmbed(/^<[^<>\s]*>$/.test(source) ? source.slice(1, -1) : source);
}

/** An embed where only text can stand (a quotation, a list item): a link to the original. */
function embedToParagraph(embed: EmbedBlock): ParagraphBlock {
  return { type: 'paragraph', inlines: [{ type: 'link', href: embed.url, children: [{ type: 'text', value: embed.url }] }] };
}

function collectDefinitions(root: Root): Map<string, Definition> {
  const definitions = new Map<string, Definition>();
  const visit = (nodes: RootContent[]): void => {
    for (const node of nodes) {
      // CommonMark: the first definition of a label wins.
      if (node.type === 'definition' && !definitions.has(node.identifier)) definitions.set(node.identifier, node);
      if ('children' in node) visit(node.children as RootContent[]);
    }
  };
  visit(root.children);
  return definitions;
}

/**
 * Parses an article body in Kiji's dialect into render-ready blocks.
 * Raw HTML, unknown directives and unsafe URLs never survive; see
 * docs/markdown-dialect.md for what editors may write.
 */
export function parseBody(markdown: string): Block[] {
  const root = processor.parse(markdown);
  const ctx: Context = { source: markdown, definitions: collectDefinitions(root), headingIds: new Set() };
  // Embeds only at the top level: a video inside a quotation or a list item has no place to stand.
  return root.children.flatMap((node) => toEmbedBlock(node, ctx) ?? toBlock(node, ctx));
}

/**
 * An article's pages: the blocks between `::pagebreak` lines. Pages with no
 * content (a break at the start, the end, or two in a row) are dropped, and
 * there is always at least one page so page 1 exists even for an empty body.
 */
export function splitPages(blocks: Block[]): Block[][] {
  const pages: Block[][] = [[]];
  for (const block of blocks) {
    if (block.type === 'pagebreak') pages.push([]);
    else pages[pages.length - 1]?.push(block);
  }
  const nonEmpty = pages.filter((page) => page.length > 0);
  return nonEmpty.length > 0 ? nonEmpty : [[]];
}

/**
 * The words a reader reads, one block per line: for descriptions, search
 * and reading time. Figures are left out: a caption describes a picture,
 * and 「会場(イメージ)」 in a search snippet or meta description reads as noise.
 * An embed is its address, as every rendering without the card shows it.
 */
export function toPlainText(blocks: Block[]): string {
  return blocks
    .map((block): string => {
      switch (block.type) {
        case 'paragraph':
        case 'heading':
          return inlinesToText(block.inlines);
        case 'quote':
          return toPlainText(block.blocks);
        case 'list':
          return block.items.map(inlinesToText).join('\n');
        // What a plain rendering shows of it: the address to follow.
        case 'embed':
          return block.url;
        case 'figure':
        case 'pagebreak':
          return '';
      }
    })
    .filter((text) => text !== '')
    .join('\n');
}
