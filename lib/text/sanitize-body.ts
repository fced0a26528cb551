import type { Node, Parent } from 'unist';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { toSafeHref, toSafeImageSrc } from './markdown';

/**
 * Cleans an article body's *source* when the newsroom saves it, so what is
 * stored is what is shown: raw HTML is cut out, and links, link definitions,
 * images and figures whose address would be refused at render time
 * (`javascript:`, `data:`, …) lose the address (links keep their words).
 * Rendering (`parseBody`) refuses the same things again: the database is not
 * trusted to have been written only through here.
 */

// The same parser configuration as lib/text/markdown.ts, so both see the same tree.
const processor = unified().use(remarkParse).use(remarkDirective).freeze();

type Edit = { start: number; end: number; text: string };
type Positioned = Node & { url?: string; name?: string; attributes?: Record<string, string | null | undefined> | null };

function span(node: Node): [number, number] | null {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? null : [start, end];
}

function childrenSource(node: Parent, source: string): string {
  const first = node.children[0];
  const last = node.children.at(-1);
  const a = first && span(first);
  const b = last && span(last);
  return a && b ? source.slice(a[0], b[1]) : '';
}

function collectEdits(node: Node, source: string, edits: Edit[]): void {
  const n = node as Positioned;
  const range = span(node);
  let edit: Edit | null = null;
  if (range) {
    const [start, end] = range;
    if (n.type === 'html') edit = { start, end, text: '' };
    else if (n.type === 'link' && toSafeHref(n.url ?? '') === null) edit = { start, end, text: childrenSource(node as Parent, source) };
    else if (n.type === 'definition' && toSafeHref(n.url ?? '') === null && toSafeImageSrc(n.url ?? '') === null) {
      edit = { start, end, text: '' };
    } else if (n.type === 'image' && toSafeImageSrc(n.url ?? '') === null) edit = { start, end, text: '' };
    else if (n.type === 'leafDirective' && n.name === 'figure' && toSafeImageSrc(n.attributes?.src ?? '') === null) {
      edit = { start, end, text: '' };
    }
  }
  if (edit) {
    edits.push(edit);
    // A link's words are kept as they are, but may hold HTML of their own.
    if (n.type !== 'link') return;
  }
  if ('children' in node) for (const child of (node as Parent).children) collectEdits(child, source, edits);
}

function applyEdits(source: string, edits: Edit[]): string {
  let out = source;
  // Innermost and last first, so earlier offsets stay valid; a link whose
  // words hold HTML gets the inner cut, then its own (recomputed next pass).
  const ordered = [...edits].sort((a, b) => b.start - a.start || a.end - b.end);
  let floor = Infinity;
  for (const edit of ordered) {
    if (edit.end > floor) continue;
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
    floor = edit.start;
  }
  return out;
}

/**
 * The body with everything the dialect refuses cut out, and how many pieces
 * were cut (so the newsroom can tell the editor). Repeats until nothing is
 * left to cut: removing `<b></b>` from `<scr<b></b>ipt>` must not assemble a
 * new tag.
 */
export function sanitizeBodySource(source: string): { body: string; removed: number } {
  let body = source;
  let removed = 0;
  for (let pass = 0; pass < 10; pass++) {
    const edits: Edit[] = [];
    collectEdits(processor.parse(body), body, edits);
    if (edits.length === 0) break;
    removed += edits.length;
    body = applyEdits(body, edits);
  }
  return { body, removed };
}
