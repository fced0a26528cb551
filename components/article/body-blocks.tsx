import { Picture } from '@/components/media/picture';
import Link from 'next/link';
import type { ReactNode } from 'react';
import type { Block, FigureBlock, Inline, LinkInline } from '@/lib/text/markdown';
import { EmbedCard } from './embed-card';

export type BodyBlocksProps = {
  /** One page of an article, from `splitPages(parseBody(body))`. */
  blocks: Block[];
  /** What tests find it by: the article's body by default, each post's own on a live page (so the page has one `article-body`). */
  testId?: string;
};

// Most body pictures are 16:9 news photos; a guess of the right shape reserves
// about the right space until the real size is known.
const FALLBACK_WIDTH = 1200;
const FALLBACK_HEIGHT = 675;
// The body column is at most 720px wide; below the md breakpoint it is the screen.
const FIGURE_SIZES = '(max-width: 768px) 100vw, 720px';

const LINK_CLASS = 'text-link underline decoration-1 underline-offset-4 hover:decoration-2';

function renderLink(link: LinkInline, key: number): ReactNode {
  const children = renderInlines(link.children);
  if (link.href.startsWith('/')) {
    return (
      <Link key={key} href={link.href} className={LINK_CLASS}>
        {children}
      </Link>
    );
  }
  if (link.href.startsWith('#')) {
    return (
      <a key={key} href={link.href} className={LINK_CLASS}>
        {children}
      </a>
    );
  }
  return (
    <a key={key} href={link.href} rel="noopener" className={LINK_CLASS}>
      {children}
    </a>
  );
}

function renderInline(inline: Inline, key: number): ReactNode {
  switch (inline.type) {
    case 'text':
      return inline.value;
    case 'strong':
      return (
        <strong key={key} className="font-bold">
          {renderInlines(inline.children)}
        </strong>
      );
    case 'emphasis':
      // Japanese faces have no italic, and a synthesised slant of kanji looks
      // broken; emphasis dots (傍点) are the native way to stress words.
      return (
        <em key={key} className="not-italic [text-emphasis:filled_sesame]">
          {renderInlines(inline.children)}
        </em>
      );
    case 'link':
      return renderLink(inline, key);
    case 'break':
      return <br key={key} />;
    default: {
      const unknown: never = inline;
      return unknown;
    }
  }
}

function renderInlines(inlines: Inline[]): ReactNode[] {
  return inlines.map(renderInline);
}

function renderFigure(figure: FigureBlock, key: number): ReactNode {
  return (
    <figure key={key} className="my-8">
      <Picture
        src={figure.src}
        alt={figure.alt}
        width={figure.width ?? FALLBACK_WIDTH}
        height={figure.height ?? FALLBACK_HEIGHT}
        sizes={FIGURE_SIZES}
        // The optimiser only fetches our own files; it must not become a proxy
        // for whatever host an article names.
        unoptimized={figure.src.startsWith('https:')}
        className="h-auto w-full bg-paper"
      />
      {(figure.caption !== '' || figure.credit !== '') && (
        <figcaption className="mt-2 text-sm leading-relaxed text-muted">
          {figure.caption !== '' && <span>{figure.caption}</span>}
          {figure.credit !== '' && <span className="credit ml-2 text-xs text-muted">{figure.credit}</span>}
        </figcaption>
      )}
    </figure>
  );
}

/**
 * One block as its element: the one switch every body goes through, an
 * article's pages and live posts here and a fixed page's blocks
 * (components/trust/fixed-page-view.tsx) around its own two.
 */
export function renderBodyBlock(block: Block, key: number): ReactNode {
  switch (block.type) {
    case 'paragraph':
      return (
        <p key={key} className="my-6">
          {renderInlines(block.inlines)}
        </p>
      );
    case 'heading':
      return block.level === 2 ? (
        <h2
          key={key}
          id={block.id}
          className="mt-12 mb-5 scroll-mt-20 border-l-4 border-ink pl-3 reading-text-xl leading-snug font-bold md:reading-text-2xl"
        >
          {renderInlines(block.inlines)}
        </h2>
      ) : (
        <h3 key={key} id={block.id} className="mt-10 mb-4 scroll-mt-20 reading-text-lg leading-snug font-bold">
          {renderInlines(block.inlines)}
        </h3>
      );
    case 'quote':
      return (
        <blockquote
          key={key}
          className="my-8 border-l-2 border-rule pl-4 text-ink/80 [&>*:first-child]:mt-0 [&>*:last-child]:mb-0"
        >
          {block.blocks.map(renderBodyBlock)}
        </blockquote>
      );
    case 'list': {
      const items = block.items.map((item, i) => <li key={i}>{renderInlines(item)}</li>);
      return block.ordered ? (
        <ol key={key} start={block.start} className="my-6 list-decimal space-y-2 pl-7">
          {items}
        </ol>
      ) : (
        <ul key={key} className="my-6 list-disc space-y-2 pl-7">
          {items}
        </ul>
      );
    }
    case 'figure':
      return renderFigure(block, key);
    case 'embed':
      return <EmbedCard key={key} embed={block} />;
    case 'pagebreak':
      // Pages are split before rendering; a stray break has nothing to show.
      return null;
    default: {
      const unknown: never = block;
      return unknown;
    }
  }
}

/** The body's type: the reader's 文字サイズ, the article's line height and tracking. */
export const BODY_TEXT_CLASS = 'reading-text-base leading-[1.9] tracking-[0.02em] text-ink md:reading-text-[1.0625rem]';

/**
 * An article body page. Blocks arrive parsed and sanitised (lib/text/markdown),
 * so this only maps each block to its element; it never sees Markdown or HTML.
 * Its text and sub-headings follow the reader's 文字サイズ (`reading-text-*`,
 * app/globals.css); captions and credits keep their size.
 */
export function BodyBlocks({ blocks, testId = 'article-body' }: BodyBlocksProps) {
  return (
    <div data-testid={testId} className={BODY_TEXT_CLASS}>
      {blocks.map(renderBodyBlock)}
    </div>
  );
}
