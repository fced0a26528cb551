/**
 * docs/benchmarks.md is written by more than one bench script: each owns a
 * section between `<!-- bench:NAME -->` and `<!-- /bench:NAME -->` and
 * rewrites only that (bench/run.ts keeps the others when it rewrites its own).
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

/** Every named section in `markdown`, verbatim with its markers, in order. */
export function keptSections(markdown: string): string[] {
  return [...markdown.matchAll(/<!-- bench:([\w-]+) -->[\s\S]*?<!-- \/bench:\1 -->/g)].map((m) => m[0]);
}
