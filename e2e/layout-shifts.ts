/**
 * Layout shifts as the browser reports them, for specs that must see none:
 * an init script (`page.addInitScript(observeLayoutShifts)`, so it is
 * serialised: self-contained) that adds up every shift not caused by input
 * into `window.__cls`, names what moved in `__moved`, and keeps the shifts of
 * an article's header and body apart in `__inArticle`.
 */
export function observeLayoutShifts() {
  const w = window as unknown as LayoutShifts;
  w.__cls = 0;
  w.__moved = [];
  w.__inArticle = [];
  // What moved, to name it when a test fails: tag, class and the start of its text.
  const describe = (node: Node | null) =>
    node instanceof Element ? `${node.tagName.toLowerCase()}.${[...node.classList].slice(0, 3).join('.')} "${(node.textContent ?? '').slice(0, 24)}"` : String(node?.nodeName);
  type Shift = PerformanceEntry & { value: number; hadRecentInput: boolean; sources: { node: Node | null }[] };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as Shift[]) {
      if (entry.hadRecentInput) continue;
      w.__cls += entry.value;
      const line = `${entry.value.toFixed(4)} at ${Math.round(entry.startTime)} ms: ${entry.sources.map((s) => describe(s.node)).join(' | ')}`;
      w.__moved.push(line);
      if (entry.sources.some((s) => s.node instanceof Element && s.node.closest('article > header, [data-testid="article-body"]'))) w.__inArticle.push(line);
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

/** What {@link observeLayoutShifts} leaves on `window`. */
export type LayoutShifts = { __cls: number; __moved: string[]; __inArticle: string[] };
