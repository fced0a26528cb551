/**
 * docs/benchmarks.md is written by more than one bench script: each owns a
 * section between `<!-- bench:NAME -->` and `<!-- /bench:NAME -->` and
 * rewrites only that. bench/run.ts owns the head, everything above the first
 * section, and rewrites only that (bench/main-report.ts).
 */

const markers = (name: string) => [`<!-- bench:${name} -->`, `<!-- /bench:${name} -->`] as const;

/** `markdown` with section `name` replaced by `body` (appended when missing). */
export function replaceSection(markdown: string, name: string, body: string): string {
  const [open, close] = markers(name);
  const block = `${open}\n${body.trim()}\n${close}`;
  const start = markdown.indexOf(open);
  const end = markdown.indexOf(close);
  if (start >= 0 && end > start) return markdown.slice(0, start) + block + markdown.slice(end + close.length);
  return `${markdown.trimEnd()}\n\n${block}\n`;
}

/**
 * `markdown` with its head (all before the first section marker) replaced by
 * `head`; the rest, sections and any prose people wrote between them, stays
 * as it is.
 */
export function replaceHead(markdown: string, head: string): string {
  const first = markdown.search(/<!-- bench:[\w-]+ -->/);
  return first < 0 ? `${head.trimEnd()}\n` : `${head.trimEnd()}\n\n${markdown.slice(first)}`;
}
