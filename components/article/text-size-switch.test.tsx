import { isValidElement, type ReactElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { buildTextSizeScript, type TextSize } from './text-size';
import { TextSizeScript } from './text-size-script';
import { TextSizeButtons, TextSizeSwitch } from './text-size-switch.client';

type ButtonProps = { 'aria-pressed': boolean; onClick: () => void; children: ReactNode };

/** The <button> elements of a tree of host elements (TextSizeButtons renders no components), in order. */
function findButtons(node: ReactNode): ReactElement<ButtonProps>[] {
  if (Array.isArray(node)) return node.flatMap(findButtons);
  if (!isValidElement<{ children?: ReactNode }>(node)) return [];
  if (node.type === 'button') return [node as ReactElement<ButtonProps>];
  return findButtons(node.props.children);
}

const pressedIn = (html: string) => [...html.matchAll(/<button[^>]*aria-pressed="true"[^>]*>([^<]+)<\/button>/g)].map((m) => m[1]);

describe('TextSizeSwitch', () => {
  it('is a group named 文字サイズ of three toggle buttons, 中 pressed, as the server renders it', () => {
    const html = renderToStaticMarkup(<TextSizeSwitch />);
    expect(html).toMatch(/^<div role="group" aria-label="文字サイズ"/);
    expect([...html.matchAll(/<button type="button" aria-pressed="(true|false)"[^>]*>([^<]+)<\/button>/g)].map((m) => [m[2], m[1]])).toEqual([
      ['小', 'false'],
      ['中', 'true'],
      ['大', 'false'],
    ]);
  });

  it('is invisible (its space kept) until hydrated, absent without scripting, and not printed', () => {
    const classes = /^<div [^>]*class="([^"]*)"/.exec(renderToStaticMarkup(<TextSizeSwitch />))![1]!.split(' ');
    expect(classes).toEqual(expect.arrayContaining(['invisible', 'noscript:hidden', 'print:hidden']));
    expect(classes).not.toContain('hidden');
    const ready = /^<div [^>]*class="([^"]*)"/.exec(renderToStaticMarkup(<TextSizeButtons size="medium" ready onSelect={() => {}} />))![1]!.split(' ');
    expect(ready).not.toContain('invisible');
    expect(ready).toEqual(expect.arrayContaining(['noscript:hidden', 'print:hidden']));
  });

  it('has touch targets of 44 px on phones', () => {
    for (const [, classes] of renderToStaticMarkup(<TextSizeSwitch />).matchAll(/<button [^>]*class="([^"]*)"/g)) {
      expect(classes!.split(' ')).toContain('size-11');
    }
  });
});

describe('TextSizeButtons', () => {
  it('presses the size the page shows, and only that one', () => {
    for (const [size, label] of [
      ['small', '小'],
      ['medium', '中'],
      ['large', '大'],
    ] as const) {
      expect(pressedIn(renderToStaticMarkup(<TextSizeButtons size={size} ready onSelect={() => {}} />))).toEqual([label]);
    }
  });

  it('asks for the size of the button clicked', () => {
    const onSelect = vi.fn<(size: TextSize) => void>();
    const buttons = findButtons(TextSizeButtons({ size: 'medium', ready: true, onSelect }));
    expect(buttons.map((b) => b.props.children)).toEqual(['小', '中', '大']);
    buttons[2]!.props.onClick();
    buttons[0]!.props.onClick();
    expect(onSelect.mock.calls).toEqual([['large'], ['small']]);
  });
});

describe('TextSizeScript', () => {
  it('renders the head script unescaped, as an ordinary (parser-blocking) inline script', () => {
    expect(renderToStaticMarkup(<TextSizeScript />)).toBe(`<script>${buildTextSizeScript()}</script>`);
  });
});
