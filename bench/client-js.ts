import { gzipSync } from 'node:zlib';

/**
 * The scripts a modern browser loads from a served page (`<script src>`), in
 * document order, without duplicates. `noModule` scripts (legacy polyfills)
 * are skipped: browsers that run modules never download them.
 */
export function findScriptSources(html: string): string[] {
  const sources = [...html.matchAll(/<script\b([^>]*)>/g)]
    .filter((m) => !/\bnomodule\b/i.test(m[1] ?? ''))
    .map((m) => /\bsrc="([^"]+)"/.exec(m[1] ?? '')?.[1])
    .filter((src): src is string => Boolean(src))
    .map((src) => src.replaceAll('&amp;', '&'));
  return [...new Set(sources)];
}

/** Gzip bytes (zlib level 6, what servers commonly send) of every script a page at `url` loads. */
export async function measureClientJs(origin: string, path: string): Promise<{ scripts: number; gzipBytes: number }> {
  const html = await (await fetch(origin + path)).text();
  const sources = findScriptSources(html);
  let gzipBytes = 0;
  for (const src of sources) {
    const body = Buffer.from(await (await fetch(new URL(src, origin))).arrayBuffer());
    gzipBytes += gzipSync(body, { level: 6 }).length;
  }
  return { scripts: sources.length, gzipBytes };
}
