/**
 * 文字サイズ: the reader's size for an article's reading text (body
 * and standfirst), kept in this browser's localStorage and shown as an
 * attribute on <html> that app/globals.css turns into `--reading-scale`.
 *
 * Pages are cached whole and the same for every reader, so the server never
 * knows the choice. The inline script of `buildTextSizeScript`, in the
 * document head, sets the attribute before the body is parsed, hence before
 * the first paint: the text never reflows on load (CLS 0). The switch
 * (text-size-switch.client.tsx) changes it afterwards; client-side
 * navigations keep <html>, and with it the size.
 */

export const TEXT_SIZES = ['small', 'medium', 'large'] as const;
export type TextSize = (typeof TEXT_SIZES)[number];

/** 中: what the server renders and a reader who never chose sees. It has no attribute and no stored value. */
export const DEFAULT_TEXT_SIZE: TextSize = 'medium';
export const TEXT_SIZE_ATTRIBUTE = 'data-text-size';
export const TEXT_SIZE_STORAGE_KEY = 'kiji:text-size';

/** The part of Storage the switch uses; a test passes its own. */
export type TextSizeStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Any value (a stored string, an attribute, garbage) as a size: 中 unless it is exactly one of the three. */
export function toTextSize(value: unknown): TextSize {
  return TEXT_SIZES.find((size) => size === value) ?? DEFAULT_TEXT_SIZE;
}

/**
 * The inline script for the document head: reads the stored size and sets
 * the attribute on <html> when it is 小 or 大. Anything else stored is left
 * alone (the page shows 中), and a storage that throws (blocked cookies and
 * site data, some private modes) is caught. An IIFE, so nothing lands on
 * `window`. Built from the same constants as the switch, so the two cannot
 * disagree on the key or the values.
 */
export function buildTextSizeScript(): string {
  const applied = TEXT_SIZES.filter((size) => size !== DEFAULT_TEXT_SIZE);
  return (
    `(function(){try{var s=localStorage.getItem(${JSON.stringify(TEXT_SIZE_STORAGE_KEY)});` +
    `if(${JSON.stringify(applied)}.indexOf(s)>-1)document.documentElement.setAttribute(${JSON.stringify(TEXT_SIZE_ATTRIBUTE)},s)}catch(e){}})()`
  );
}

/** The size a page shows now: what the script or the switch set on <html>. */
export function readTextSize(root: Pick<Element, 'getAttribute'>): TextSize {
  return toTextSize(root.getAttribute(TEXT_SIZE_ATTRIBUTE));
}

/**
 * Shows `size` (the attribute on <html>, none for 中) and remembers it (none
 * stored for 中, so the script has nothing to do). The page changes even when
 * storage is missing or refuses the write (full, blocked): only the memory
 * across pages is lost.
 */
export function applyTextSize(size: TextSize, root: Pick<Element, 'setAttribute' | 'removeAttribute'>, storage: TextSizeStorage | null): void {
  if (size === DEFAULT_TEXT_SIZE) root.removeAttribute(TEXT_SIZE_ATTRIBUTE);
  else root.setAttribute(TEXT_SIZE_ATTRIBUTE, size);
  try {
    if (size === DEFAULT_TEXT_SIZE) storage?.removeItem(TEXT_SIZE_STORAGE_KEY);
    else storage?.setItem(TEXT_SIZE_STORAGE_KEY, size);
  } catch {
    // Nothing to tell the reader: the size still changed on this page.
  }
}

// In the browser only: the switch reads <html> through useSyncExternalStore and hears its own changes here.
const listeners = new Set<() => void>();

export function subscribeTextSize(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The switch's action: apply to this document and its storage, then re-render whoever shows the size. */
export function chooseTextSize(size: TextSize): void {
  applyTextSize(size, document.documentElement, openStorage());
  for (const listener of listeners) listener();
}

function openStorage(): TextSizeStorage | null {
  // Reading `localStorage` itself throws where site data is blocked.
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
